/**
 * `npm run bench [-- --build]`: measures the production server on a throwaway database.
 *
 * Builds only when .next/BUILD_ID is missing (or with --build), seeds a temporary database, creates
 * an API key, starts `next start` on a free port and drives each endpoint of scripts/bench/endpoints.ts
 * with autocannon, one at a time, each in slices alternated with slices of health. Prints a table
 * and writes .tmp/bench-results.json.
 *
 *   BENCH_DURATION     seconds per endpoint (10), and as many of health beside it
 *   BENCH_ROUNDS       slices of each, alternated ABBA (4)
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
/** Requests built ahead for an endpoint that sends a fresh body or key with each (see materialize). */
const PREBUILT_REQUESTS = 60_000;
/** Slices of health and of the endpoint, alternated, that make up each endpoint's measurement. */
const ROUNDS = positiveNumber(process.env.BENCH_ROUNDS, 4);

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
  /** Health's req/s in the slices interleaved with this endpoint's (none for health itself). */
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
  // Fresh requests are built ahead, outside the measured time: building one (a JSON body, a UUID)
  // costs the load generator CPU that this 2-core machine would otherwise take from the server,
  // and only from endpoints that need fresh bodies, not from health. Each is used once; past the
  // stock, requests are built on the fly.
  const ahead = dynamic ? Array.from({ length: PREBUILT_REQUESTS }, fresh) : [];
  let next = 0;
  const take = () => (next < ahead.length ? ahead[next++] : fresh());
  return { path, fresh: take, dynamic };
}

/** An endpoint ready to load: set up, warmed up, with a function that builds each request. */
interface Prepared {
  endpoint: BenchEndpoint;
  path: string;
  load: (seconds: number) => Promise<autocannon.Result>;
  warmupStatus: number | null;
}

async function prepare(endpoint: BenchEndpoint, ctx: BenchContext): Promise<Prepared> {
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
  return { endpoint, path, load, warmupStatus };
}

/** Slices of one endpoint's load, added up. */
class Tally {
  requests = 0;
  seconds = 0;
  non2xx = 0;
  errors = 0;
  timeouts = 0;
  cpuSeconds: number | null = 0;
  p50Weighted = 0;
  p99 = 0;

  add(r: autocannon.Result, cpuSeconds: number | null): void {
    this.requests += r.requests.total;
    this.seconds += r.duration;
    this.non2xx += r.non2xx;
    this.errors += r.errors;
    this.timeouts += r.timeouts;
    this.cpuSeconds = this.cpuSeconds === null || cpuSeconds === null ? null : this.cpuSeconds + cpuSeconds;
    this.p50Weighted += r.latency.p50 * r.requests.total;
    this.p99 = Math.max(this.p99, r.latency.p99);
  }

  get requestsPerSec(): number {
    return this.seconds > 0 ? this.requests / this.seconds : 0;
  }

  result(p: Prepared, health: Tally | null): EndpointResult {
    const healthAround = health?.requestsPerSec;
    return {
      name: p.endpoint.name,
      method: p.endpoint.method,
      path: p.path,
      requestsPerSec: this.requestsPerSec,
      p50Ms: this.requests > 0 ? Math.round(this.p50Weighted / this.requests) : 0,
      p99Ms: this.p99,
      requests: this.requests,
      non2xx: this.non2xx,
      errors: this.errors,
      timeouts: this.timeouts,
      healthAround,
      ratioToHealth: healthAround ? this.requestsPerSec / healthAround : null,
      cpuMsPerRequest:
        this.cpuSeconds === null || this.requests === 0 ? null : (this.cpuSeconds * 1000) / this.requests,
      warmupStatus: p.warmupStatus,
    };
  }
}

async function slice(p: Prepared, seconds: number, into: Tally): Promise<void> {
  const cpuBefore = serverCpuSeconds();
  const r = await p.load(seconds);
  const cpuAfter = serverCpuSeconds();
  into.add(r, cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore);
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
    // An endpoint that answered errors measured how fast it refuses, not the work: no ratio.
    r.non2xx + r.errors > 0 ? "errors" : r.ratioToHealth === null ? "–" : r.ratioToHealth.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `${"-".repeat(w + 1)}-` : `${"-".repeat(w + 1)}:`)).join("|")}|`,
  );
  for (const row of rows) console.log(line(row));
  const failing = results.filter((r) => r.non2xx + r.errors > 0);
  if (failing.length)
    console.warn(
      `\nWARNING: ${failing.map((r) => `${r.name} (${r.non2xx + r.errors} of ${r.requests})`).join(", ")} ` +
        "answered errors; their figures do not measure the endpoint's work.",
    );
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
  // This machine's throughput drifts during a run, by a third or more within seconds (a VM whose
  // 2 cores the load generator shares). So each endpoint is measured interleaved with health:
  // ROUNDS slices of each, in ABBA order, and its ratio compares the two under the same conditions.
  const healthPrepared = await prepare(health, ctx);
  const sliceSeconds = Math.max(1, durationSeconds / ROUNDS);
  const allHealth = new Tally();
  const results: EndpointResult[] = [];
  for (const endpoint of others) {
    process.stdout.write(`  ${endpoint.name}… `);
    const prepared = await prepare(endpoint, ctx);
    const mine = new Tally();
    const healthHere = new Tally();
    for (let round = 0; round < ROUNDS; round++) {
      const pair: [Prepared, Tally][] = [
        [prepared, mine],
        [healthPrepared, healthHere],
      ];
      if (round % 2 === 1) pair.reverse();
      for (const [p, tally] of pair) await slice(p, sliceSeconds, tally);
    }
    const r = mine.result(prepared, healthHere);
    console.log(
      `${r.requestsPerSec.toFixed(0)} req/s (health ${healthHere.requestsPerSec.toFixed(0)}), ` +
        `${r.cpuMsPerRequest?.toFixed(2) ?? "–"} ms CPU/req`,
    );
    for (const field of ["requests", "seconds", "non2xx", "errors", "timeouts", "p50Weighted"] as const)
      allHealth[field] += healthHere[field];
    allHealth.cpuSeconds =
      allHealth.cpuSeconds === null || healthHere.cpuSeconds === null
        ? null
        : allHealth.cpuSeconds + healthHere.cpuSeconds;
    allHealth.p99 = Math.max(allHealth.p99, healthHere.p99);
    results.push(r);
  }
  if (others.length === 0)
    for (let round = 0; round < ROUNDS; round++) await slice(healthPrepared, sliceSeconds, allHealth);
  const healthResult = allHealth.result(healthPrepared, null);
  const baseline = healthResult.requestsPerSec;
  results.unshift(healthResult);
  console.log(`\nHealth, all slices: ${baseline.toFixed(0)} req/s.`);

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
        rounds: ROUNDS,
        healthBaseline: baseline,
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
