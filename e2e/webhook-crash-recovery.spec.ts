import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startReceiver } from "./support/receiver";

const PORT = 3124;
const BASE = `http://127.0.0.1:${PORT}`;
const dir = path.resolve(".tmp/e2e-crash");
const env = {
  ...process.env,
  DATABASE_URL: path.join(dir, "crash.db"),
  AUTH_SECRET: "crash-secret-crash-secret-crash-secret",
  WEBHOOKS_ALLOW_INSECURE_LOCALHOST: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};

function cli(...args: string[]): string {
  return execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", ...args],
    {
      env,
      encoding: "utf8",
    },
  );
}

async function startServer(): Promise<ChildProcess> {
  // Its own process group, so SIGKILL takes the whole server down at once.
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"],
    {
      env,
      stdio: "ignore",
      detached: true,
    },
  );
  await expect
    .poll(async () => (await fetch(`${BASE}/api/v1/health`).catch(() => null))?.status ?? 0, {
      timeout: 60_000,
    })
    .toBe(200);
  return child;
}

test("a server killed with SIGKILL delivers its pending webhooks after restart, same webhook-id", async () => {
  test.setTimeout(120_000);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  cli("seed");
  const key = cli("api-key", "create", "--dealer", "riverside", "--name", "crash", "--scopes", "*")
    .trim()
    .split("\n")
    .pop();
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  // The receiver fails the first attempt, so a retry is pending when the server dies.
  const receiver = await startReceiver((n) => (n === 1 ? 500 : 200));
  let server = await startServer();
  try {
    const endpoint = await (
      await fetch(`${BASE}/api/v1/webhooks`, {
        method: "POST",
        headers,
        body: JSON.stringify({ url: receiver.url }),
      })
    ).json();
    await fetch(`${BASE}/api/v1/webhooks/${endpoint.id}/test`, { method: "POST", headers });
    await expect.poll(() => receiver.received.length).toBe(1);

    process.kill(-(server.pid as number), "SIGKILL");
    await expect
      .poll(async () => (await fetch(`${BASE}/api/v1/health`).catch(() => null))?.status ?? 0)
      .toBe(0);

    server = await startServer();
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
    expect(receiver.received[1].id).toBe(receiver.received[0].id);
    receiver.verify(endpoint.secret, receiver.received[1]);
    const log = await (
      await fetch(`${BASE}/api/v1/webhook-deliveries?endpoint=${endpoint.id}`, { headers })
    ).json();
    expect(log.data[0].status).toBe("succeeded");
    expect(log.data[0].attempts.map((a: { httpStatus: number }) => a.httpStatus)).toEqual([500, 200]);
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGKILL");
    await receiver.close();
  }
});
