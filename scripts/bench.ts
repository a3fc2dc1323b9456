/**
 * `npm run bench [-- --build]`: measures the production server on a throwaway database.
 *
 * Builds only when .next/BUILD_ID is missing (or with --build), seeds a temporary database, creates
 * an API key, starts `next start` on a free port and drives each endpoint of scripts/bench/endpoints.ts
 * with autocannon, one at a time, with health before and after each. Prints a table and writes
 * .tmp/bench-results.json.
 *
 *   BENCH_DURATION     seconds per endpoint (10)
 *   BENCH_CONNECTIONS  concurrent connections (16)
 *   BENCH_ONLY         only endpoints whose name contains this text (health always runs)
 *   BENCH_PROFILE      a folder: the server writes a V8 CPU profile there when it stops
 *   BENCH_PARTS        parts generated into riverside's catalog before the server starts (100000)
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { type BenchContext, type BenchEndpoint, endpoints, HEALTH_PATH } from "./bench/endpoints";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const resultsFile = path.join(root, ".tmp", "bench-results.json");

const durationSeconds = positiveNumber(process.env.BENCH_DURATION, 10);
const warmupSeconds = positiveNumber(process.env.BENCH_WARMUP, 3);
const connections = positiveNumber(process.env.BENCH_CONNECTIONS, 16);
const only = process.env.BENCH_ONLY?.trim();
const forceBuild = process.argv.includes("--build");
const STARTUP_TIMEOUT_MS = 60_000;
const PARTS_CATALOG_SIZE = positiveNumber(process.env.BENCH_PARTS, 100_000);

function positiveNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n : fallback;
}

class BenchError extends Error {}

// ---------------------------------------------------------------- process housekeeping

let server: ChildProcess | undefined;
let serverLog = "";
let tmpDir: string | undefined;

function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const pid = child.pid;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal); // the server runs in its own process group (detached)
    } catch {
      child.kill(signal);
    }
  };
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    signalGroup("SIGTERM");
  });
}

function removeTmpDir(): void {
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  tmpDir = undefined;
}

async function cleanUp(): Promise<void> {
  await stopServer();
  removeTmpDir();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server…`);
    void cleanUp().finally(() => process.exit(130));
  });
}
// Last resort if something exits the process without going through cleanUp().
process.on("exit", () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {}
  }
  removeTmpDir();
});

// ---------------------------------------------------------------- steps

function childEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    WEBHOOKS_ALLOW_INSECURE_LOCALHOST: "1",
    NODE_ENV: "production",
  };
}

function buildIfNeeded(): void {
  if (!forceBuild && fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log(forceBuild ? "Building (--build)…" : "No build found (.next/BUILD_ID): building…");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new BenchError(`next build failed (exit ${build.status})`);
}

function cli(env: NodeJS.ProcessEnv, args: string[]): string {
  const run = spawnSync(process.execPath, [tsxCli, "--conditions=react-server", "scripts/cli.ts", ...args], {
    env,
    encoding: "utf8",
  });
  if (run.status !== 0) {
    throw new BenchError(`cli ${args.join(" ")} failed (exit ${run.status}):\n${run.stderr || run.stdout}`);
  }
  return run.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<string> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const profile = process.env.BENCH_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      ...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []),
      nextBin,
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server = child;
  const keep = (chunk: Buffer) => {
    serverLog = (serverLog + chunk.toString("utf8")).slice(-8_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new BenchError(`the server exited (${child.exitCode ?? child.signalCode}) before answering`);
    }
    try {
      const res = await fetch(`${baseUrl}${HEALTH_PATH}`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return baseUrl;
    } catch {}
    await sleep(250);
  }
  throw new BenchError(
    `the server did not answer ${HEALTH_PATH} with 200 within ${STARTUP_TIMEOUT_MS / 1000} s`,
  );
}

// ---------------------------------------------------------------- measuring

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU seconds used so far by the server's process group (Linux /proc; null elsewhere). Throughput on
 * this shared 2-core VM drifts with its neighbours; CPU time per request barely does, so it is the
 * figure to compare when judging a change.
 */
function serverCpuSeconds(): number | null {
  const group = server?.pid;
  if (!group || process.platform !== "linux") return null;
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // the process ended while we looked
    }
    // Fields after the parenthesised command name: state ppid pgrp ... utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== group) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

interface EndpointResult {
  name: string;
  method: string;
  path: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** requestsPerSec / healthAround */
  ratioToHealth: number | null;
  /** The mean of the health runs just before and after this endpoint (for health: of all of them). */
  healthAround?: number;
  /** Server CPU time per request, in milliseconds (null where /proc is unavailable). */
  cpuMsPerRequest: number | null;
  /** Status of the one request sent before measuring (a non-2xx here usually means a broken entry). */
  warmupStatus: number | null;
}

function withJson(headers: Record<string, string>, body: string | undefined): Record<string, string> {
  if (!body) return headers;
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === "content-type");
  return hasType ? headers : { ...headers, "content-type": "application/json" };
}

/** One request as it would be sent: used for warm-up and to build autocannon's requests. */
function materialize(endpoint: BenchEndpoint, ctx: BenchContext, data: unknown) {
  const path = typeof endpoint.path === "function" ? endpoint.path(data) : endpoint.path;
  const baseHeaders =
    typeof endpoint.headers === "function" ? endpoint.headers(ctx, data) : (endpoint.headers ?? {});
  const fresh = () => {
    const made = typeof endpoint.body === "function" ? endpoint.body(data) : endpoint.body;
    const req: { path: string; headers: Record<string, string>; body?: string } =
      typeof made === "object"
        ? { path: made.path ?? path, headers: { ...baseHeaders, ...made.headers }, body: made.body }
        : { path, headers: { ...baseHeaders }, body: made };
    if (endpoint.idempotencyKey) req.headers["idempotency-key"] = randomUUID();
    req.headers = withJson(req.headers, req.body);
    return req;
  };
  const dynamic = typeof endpoint.body === "function" || endpoint.idempotencyKey === true;
  return { path, fresh, dynamic };
}

async function measure(endpoint: BenchEndpoint, ctx: BenchContext): Promise<EndpointResult> {
  const data = endpoint.setup ? await endpoint.setup(ctx) : undefined;
  const { path, fresh, dynamic } = materialize(endpoint, ctx, data);

  // Warm up: the first hit on a route loads its module.
  let warmupStatus: number | null = null;
  for (let i = 0; i < 3; i++) {
    const req = fresh();
    try {
      const res = await fetch(`${ctx.baseUrl}${req.path}`, {
        method: endpoint.method,
        headers: req.headers,
        body: req.body,
      });
      await res.arrayBuffer();
      warmupStatus = res.status;
    } catch {
      warmupStatus = null;
    }
  }
  if (warmupStatus === null || warmupStatus < 200 || warmupStatus > 299) {
    console.warn(`  warning: ${endpoint.name} answered ${warmupStatus ?? "no response"} before measuring`);
  }

  const first = fresh();
  const load = (duration: number) =>
    autocannon({
      url: ctx.baseUrl,
      connections,
      duration,
      method: endpoint.method,
      requests: [
        {
          method: endpoint.method,
          path: first.path,
          headers: first.headers,
          body: first.body,
          // A fresh body/headers for every request when the entry asks for it (the key must be
          // absent otherwise: an explicit undefined replaces autocannon's default).
          ...(dynamic ? { setupRequest: (request: autocannon.Request) => ({ ...request, ...fresh() }) } : {}),
        },
      ],
    });
  // A short load first, not measured: the JIT optimises the route's code under load.
  if (warmupSeconds > 0) await load(warmupSeconds);
  const cpuBefore = serverCpuSeconds();
  const result = await load(durationSeconds);
  const cpuAfter = serverCpuSeconds();
  const cpuMsPerRequest =
    cpuBefore === null || cpuAfter === null || result.requests.total === 0
      ? null
      : ((cpuAfter - cpuBefore) * 1000) / result.requests.total;

  return {
    name: endpoint.name,
    method: endpoint.method,
    path,
    requestsPerSec: result.requests.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    ratioToHealth: null,
    cpuMsPerRequest,
    warmupStatus,
  };
}

function printTable(results: EndpointResult[]): void {
  const header = [
    "endpoint",
    "req/s",
    "p50 ms",
    "p99 ms",
    "non-2xx + errors",
    "server CPU ms/req",
    "health around",
    "vs health",
  ];
  const rows = results.map((r) => [
    r.name,
    r.requestsPerSec.toFixed(0),
    String(r.p50Ms),
    String(r.p99Ms),
    String(r.non2xx + r.errors),
    r.cpuMsPerRequest === null ? "–" : r.cpuMsPerRequest.toFixed(2),
    r.healthAround === undefined ? "–" : r.healthAround.toFixed(0),
    r.ratioToHealth === null ? "–" : r.ratioToHealth.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `${"-".repeat(w + 1)}-` : `${"-".repeat(w + 1)}:`)).join("|")}|`,
  );
  for (const row of rows) console.log(line(row));
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  buildIfNeeded();

  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "forecourt-bench-"));
  const env = childEnv(path.join(tmpDir, "bench.db"));

  console.log("Seeding a temporary database…");
  cli(env, ["seed"]);
  const apiKey =
    cli(env, ["api-key", "create", "--dealer", "riverside", "--name", "bench", "--scopes", "*"])
      .trim()
      .split("\n")
      .at(-1)
      ?.trim() ?? "";
  if (!apiKey.startsWith("fc_live_")) throw new BenchError(`could not read the API key (got "${apiKey}")`);
  // Parts search is measured over a large catalog: 100,000 generated parts on top of the seed's.
  console.log(`Generating ${PARTS_CATALOG_SIZE.toLocaleString("en-US")} parts for riverside…`);
  console.log(
    `  ${cli(env, ["parts", "generate", "--dealer", "riverside", "--count", String(PARTS_CATALOG_SIZE)]).trim()}`,
  );
  // Checkout carts are posted by an OEM's web shop: a key bound to the seeded demo OEM.
  const oemApiKey =
    cli(env, ["api-key", "create", "--oem", "aurora", "--name", "bench-oem", "--scopes", "*"])
      .trim()
      .split("\n")
      .at(-1)
      ?.trim() ?? "";
  if (!oemApiKey.startsWith("fc_live_"))
    throw new BenchError(`could not read the OEM API key (got "${oemApiKey}")`);

  const port = await freePort();
  console.log(`Starting next start on port ${port}…`);
  let baseUrl: string;
  try {
    baseUrl = await startServer(env, port);
  } catch (e) {
    if (serverLog.trim()) console.error(`--- server output ---\n${serverLog.trim()}\n---`);
    throw e;
  }
  const ctx: BenchContext = { baseUrl, apiKey, oemApiKey };

  const health = endpoints.find((e) => e.path === HEALTH_PATH);
  if (!health) throw new BenchError(`scripts/bench/endpoints.ts must include ${HEALTH_PATH}`);
  const others = endpoints.filter((e) => e !== health && (!only || e.name.includes(only)));
  const plan = [health, ...others];

  console.log(
    `Measuring ${plan.length} endpoint(s): ${connections} connections, ${durationSeconds} s each ` +
      `(${os.cpus().length} cores, Node ${process.version}).\n`,
  );
  // This machine's throughput drifts during a run (a VM, 2 cores shared with the load generator:
  // health alone has moved from 600 to 900 req/s within one run). So health is measured before and
  // after every endpoint, and each endpoint's ratio uses the mean of the two health runs around it.
  const measureHealth = async (label: string) => {
    process.stdout.write(`  ${health.name}${label}… `);
    const r = await measure(health, ctx);
    console.log(`${r.requestsPerSec.toFixed(0)} req/s, ${r.cpuMsPerRequest?.toFixed(2) ?? "–"} ms CPU/req`);
    return r;
  };
  const healthRuns = [await measureHealth("")];
  const results: EndpointResult[] = [healthRuns[0]];
  for (const endpoint of others) {
    process.stdout.write(`  ${endpoint.name}… `);
    const r = await measure(endpoint, ctx);
    console.log(`${r.requestsPerSec.toFixed(0)} req/s, ${r.cpuMsPerRequest?.toFixed(2) ?? "–"} ms CPU/req`);
    const before = healthRuns[healthRuns.length - 1];
    const after = await measureHealth(" (again)");
    healthRuns.push(after);
    r.healthAround = (before.requestsPerSec + after.requestsPerSec) / 2;
    r.ratioToHealth = r.healthAround > 0 ? r.requestsPerSec / r.healthAround : null;
    results.push(r);
  }
  const baseline = healthRuns.reduce((sum, h) => sum + h.requestsPerSec, 0) / healthRuns.length;
  results[0].healthAround = baseline;
  results[0].ratioToHealth = baseline > 0 ? results[0].requestsPerSec / baseline : null;
  console.log(
    `\nHealth runs: ${healthRuns.map((h) => h.requestsPerSec.toFixed(0)).join(", ")} req/s (mean ${baseline.toFixed(0)}).`,
  );

  console.log("");
  printTable(results);

  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(
    resultsFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cores: os.cpus().length,
        connections,
        durationSeconds,
        warmupSeconds,
        healthBaseline: baseline,
        healthRuns: healthRuns.map((h) => h.requestsPerSec),
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nWrote ${path.relative(root, resultsFile)}`);
}

main()
  .then(cleanUp)
  .catch(async (e) => {
    console.error(e instanceof BenchError ? `bench: ${e.message}` : e);
    await cleanUp();
    process.exit(1);
  });
