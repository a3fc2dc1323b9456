import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { databasePath } from "@/db/client";

/**
 * Worker threads that run our TypeScript services on other cores, each with its own SQLite
 * connection to the server's database file (lib/platform/read-pool, lib/platform/writer).
 *
 * Nothing waits for a pool: `dispatch` answers null until a worker is ready, and when workers
 * cannot run here (no database file, the pool switched off, the entry file missing, repeated
 * crashes); the caller then runs the same service function on the main thread.
 */
// Resolved at run time on purpose: workers run the TypeScript sources through tsx, outside the
// server bundle, and the bundler must not try to follow (and bundle) them.
const fromProjectRoot = (...parts: string[]) => path.join(process.cwd(), ...parts);
const ENTRY = fromProjectRoot(["lib", "platform", "threads"].join("/"), "entry.cjs");
const MAX_CRASHES = 3;

/** Every request and reply carries the id the pool gave it. */
export interface Envelope {
  id: number;
}
/** A worker's messages besides replies. */
export type Signal = { ready: true } | { wake: true };

export interface PoolOptions<Job> {
  /** For logs. */
  name: string;
  /** The worker's module, relative to the project root. */
  module: string;
  size: () => number;
  /** False when the pool is switched off by configuration. */
  enabled: () => boolean;
  /** A worker stopped while holding `jobs`: settle each of them. */
  onLost: (jobs: Job[]) => void;
  /** A worker's `{ wake: true }`. */
  onWake?: () => void;
}

interface PoolWorker<Job> {
  worker: Worker;
  ready: boolean;
  pending: Map<number, Job>;
}

interface PoolState<Job> {
  file: string;
  workers: PoolWorker<Job>[];
  crashes: number;
  nextId: number;
  readyWaiters: (() => void)[];
}

/** A pending request: what to settle when its reply (or the worker's death) arrives. */
export interface Job<Reply> {
  settle: (reply: Reply) => void;
}

let entryExists: boolean | undefined;

export class ThreadPool<Req extends Envelope, Reply extends Envelope, J extends Job<Reply>> {
  constructor(private readonly options: PoolOptions<J>) {}

  /** One state per process and database file (tests switch between temporary databases). */
  private state(): PoolState<J> | null {
    const file = databasePath();
    // Checked once: this runs on every pooled request.
    entryExists ??= fs.existsSync(ENTRY);
    if (!this.options.enabled() || file === ":memory:" || !entryExists) return null;
    const globalRef = globalThis as unknown as Record<string, PoolState<J> | undefined>;
    let pool = globalRef[this.slot];
    if (pool && pool.file !== file) {
      for (const w of pool.workers) void w.worker.terminate();
      pool = undefined;
    }
    if (!pool) {
      pool = { file, workers: [], crashes: 0, nextId: 1, readyWaiters: [] };
      globalRef[this.slot] = pool;
    }
    if (pool.crashes < MAX_CRASHES) {
      const size = this.options.size();
      while (pool.workers.length < size) pool.workers.push(this.spawn(pool));
    }
    return pool;
  }

  private spawn(pool: PoolState<J>): PoolWorker<J> {
    const entry: PoolWorker<J> = {
      worker: new Worker(ENTRY, {
        workerData: { file: pool.file, module: fromProjectRoot(this.options.module) },
        // Profiling flags carry over, so `npm run bench` with BENCH_PROFILE profiles workers too.
        execArgv: [
          ...process.execArgv.filter((a) => a.startsWith("--cpu-prof")),
          "--conditions=react-server",
        ],
      }),
      ready: false,
      pending: new Map(),
    };
    entry.worker.unref();
    entry.worker.on("message", (msg: Reply | Signal) => {
      if ("ready" in msg) {
        entry.ready = true;
        for (const wake of pool.readyWaiters.splice(0)) wake();
        return;
      }
      if ("wake" in msg) {
        this.options.onWake?.();
        return;
      }
      const job = entry.pending.get(msg.id);
      if (!job) return;
      entry.pending.delete(msg.id);
      job.settle(msg);
    });
    const retire = (reason: unknown) => {
      const index = pool.workers.indexOf(entry);
      if (index === -1) return;
      pool.workers.splice(index, 1);
      pool.crashes++;
      console.error(`[${this.options.name}] a worker stopped`, reason);
      const jobs = [...entry.pending.values()];
      entry.pending.clear();
      this.options.onLost(jobs);
      for (const wake of pool.readyWaiters.splice(0)) wake();
    };
    entry.worker.on("error", retire);
    entry.worker.on("exit", (code) => retire(`exit code ${code}`));
    return entry;
  }

  /**
   * Sends `request` (given the next id) to the least busy ready worker and returns true, or
   * returns false when no worker can take it now.
   */
  dispatch(request: Omit<Req, "id">, job: J): boolean {
    const pool = this.state();
    if (!pool) return false;
    let target: PoolWorker<J> | undefined;
    for (const w of pool.workers)
      if (w.ready && (!target || w.pending.size < target.pending.size)) target = w;
    if (!target) return false;
    const id = pool.nextId++;
    target.pending.set(id, job);
    target.worker.postMessage({ ...request, id });
    return true;
  }

  /** Resolves once a worker can take requests (tests; the server never waits). False if off. */
  async ready(): Promise<boolean> {
    const pool = this.state();
    if (!pool || pool.workers.length === 0) return false;
    if (pool.workers.some((w) => w.ready)) return true;
    await new Promise<void>((resolve) => pool.readyWaiters.push(resolve));
    return pool.workers.some((w) => w.ready);
  }

  /** Worker counts (tests). */
  stats(): { workers: number; ready: number } | null {
    const pool = this.existing();
    return pool ? { workers: pool.workers.length, ready: pool.workers.filter((w) => w.ready).length } : null;
  }

  /** Stops the first worker as a crash would (tests). */
  async killOneWorker(): Promise<void> {
    await this.existing()?.workers[0]?.worker.terminate();
  }

  private existing(): PoolState<J> | undefined {
    return (globalThis as unknown as Record<string, PoolState<J> | undefined>)[this.slot];
  }

  private get slot(): string {
    return `__forecourtThreads_${this.options.name}`;
  }
}
