/** Starts the outbox worker inside the server process (unless WEBHOOK_WORKER=off). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.WEBHOOK_WORKER === "off") return;
  const { getDb } = await import("./db/client");
  const { startWorker } = await import("./lib/platform/worker");
  getDb();
  const globalRef = globalThis as unknown as { __forecourtWorker?: unknown };
  globalRef.__forecourtWorker ??= startWorker(getDb);
}
