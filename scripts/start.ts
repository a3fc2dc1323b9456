/**
 * `npm start`: build once if needed, migrate, seed a new database (printing the demo sign-ins),
 * then serve with `next start`.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { closeDb, databasePath, getDb } from "@/db/client";
import { dealers } from "@/db/schema";
import { demoSignIns, seed } from "@/db/seed";
import { findOemByKey } from "@/lib/checkout/oem-config";
import { insertApiKey } from "@/lib/platform/identity/api-keys";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
// The demo's webhook receivers run on this machine.
env.WEBHOOKS_ALLOW_INSECURE_LOCALHOST ??= "1";

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || process.env.FORECOURT_REBUILD === "1") {
  console.log("Building Forecourt (first run)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

async function main() {
  const db = getDb();
  const isNew = !db.select({ id: dealers.id }).from(dealers).limit(1).get();
  if (isNew) {
    await seed(db);
    console.log(`\nSeeded a demo database at ${databasePath()}.\n${demoSignIns()}\n`);
    // The demo OEM's web shop key, to post checkout carts (shown once, like every key).
    const oem = findOemByKey(db, "aurora");
    if (oem) {
      const { key } = insertApiKey(
        db,
        { dealerId: null, oemId: oem.id },
        {
          name: "Aurora web shop (demo)",
          scopes: ["checkout_carts.*", "products.read", "placed_orders.read", "webhooks.*", "events.read"],
        },
        null,
      );
      console.log(`OEM API key (${oem.name}, oemKey "${oem.oemKey}"): ${key}\n`);
    }
  }
  closeDb();

  const port = process.env.PORT ?? "3000";
  console.log(`Forecourt on http://localhost:${port}`);
  const server = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
