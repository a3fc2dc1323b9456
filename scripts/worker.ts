/** Runs the outbox worker on its own (`npm run worker`), for deployments with several portal instances. */
import { closeDb, getDb } from "@/db/client";
import { startWorker } from "@/lib/platform/worker";

const worker = startWorker(getDb, (m) => console.error(m));
console.log("Forecourt worker running (webhooks and email).");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await worker.stop();
    closeDb();
    process.exit(0);
  });
}
