/** Starts `next start` on a fresh seeded database for the e2e suite. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { closeDb, getDb } from "@/db/client";
import { seed } from "@/db/seed";

const dir = process.env.E2E_DIR ?? path.resolve(".tmp/e2e");
const port = process.env.E2E_PORT ?? "3123";
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_URL = path.join(dir, "e2e.db");

async function main() {
  await seed(getDb());
  closeDb();
  const server = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        DATABASE_URL: path.join(dir, "e2e.db"),
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
        WEBHOOKS_ALLOW_INSECURE_LOCALHOST: "1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main();
