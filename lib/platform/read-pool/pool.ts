import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { type Db, databasePath } from "@/db/client";
import { requestContext } from "@/db/request-context";
import type { Actor } from "../actor";
import { nowMs } from "../clock";
import { AppError, type ErrorType } from "../errors";
import { JsonText } from "../http/json-text";
import { type ReadOperation, type ReadReply, type ReadRequest, readOperations } from "./operations";

/**
 * Heavy reads (parts search, basket pricing) run on worker threads with their own read-only
 * connections, so they use the machine's other cores instead of the event loop that every
 * request shares. The main thread keeps authentication and writes; a worker answers with the JSON
 * text, which the main thread sends as is.
 *
 * Nothing waits for the pool: until a worker is ready, or when workers cannot run here (no
 * database file, READ_POOL=off, the entry file missing, repeated crashes), the same service
 * function runs on the main thread. A worker that dies hands its requests back to the main thread.
 */
// Resolved at run time on purpose: the worker runs the TypeScript sources through tsx, outside the
// server bundle, and the bundler must not try to follow (and bundle) it.
const fromProjectRoot = (...parts: string[]) => path.join(process.cwd(), ...parts);
const ENTRY = fromProjectRoot(["lib", "platform", "read-pool"].join("/"), "worker-entry.cjs");
const MAX_CRASHES = 3;

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  pending: Map<number, PendingRead>;
}

interface PendingRead {
  req: ReadRequest;
  /** The main thread's connection, should the worker die before answering. */
  db: Db;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface PoolState {
  file: string;
  workers: PoolWorker[];
  crashes: number;
  nextId: number;
  readyWaiters: (() => void)[];
}

const globalRef = globalThis as unknown as { __forecourtReadPool?: PoolState };

let size: number | undefined;

function poolSize(): number {
  if (size === undefined) {
    const configured = Number(process.env.READ_POOL_SIZE);
    size =
      Number.isInteger(configured) && configured > 0
        ? Math.min(configured, 8)
        : // One core stays with the event loop.
          Math.max(1, Math.min(2, os.availableParallelism() - 1));
  }
  return size;
}

let entryExists: boolean | undefined;

function enabledFor(file: string): boolean {
  // Checked once: this runs on every pooled request.
  entryExists ??= fs.existsSync(ENTRY);
  return process.env.READ_POOL !== "off" && file !== ":memory:" && entryExists;
}

function state(): PoolState | null {
  const file = databasePath();
  if (!enabledFor(file)) return null;
  let pool = globalRef.__forecourtReadPool;
  if (pool && pool.file !== file) {
    // Another database (tests switch between temporary ones): start over.
    for (const w of pool.workers) void w.worker.terminate();
    pool = undefined;
  }
  if (!pool) {
    pool = { file, workers: [], crashes: 0, nextId: 1, readyWaiters: [] };
    globalRef.__forecourtReadPool = pool;
  }
  if (pool.crashes < MAX_CRASHES) while (pool.workers.length < poolSize()) pool.workers.push(spawn(pool));
  return pool;
}

function spawn(pool: PoolState): PoolWorker {
  const entry: PoolWorker = {
    worker: new Worker(ENTRY, {
      workerData: { file: pool.file },
      execArgv: ["--conditions=react-server"],
    }),
    ready: false,
    pending: new Map(),
  };
  entry.worker.unref();
  entry.worker.on("message", (msg: ReadReply | { ready: true }) => {
    if ("ready" in msg) {
      entry.ready = true;
      for (const wake of pool.readyWaiters.splice(0)) wake();
      return;
    }
    const job = entry.pending.get(msg.id);
    if (!job) return;
    entry.pending.delete(msg.id);
    if (msg.ok) job.resolve(new JsonText(msg.json));
    else if (msg.error)
      job.reject(
        new AppError({ ...msg.error, type: msg.error.type as ErrorType, issues: msg.error.issues as [] }),
      );
    else job.reject(new Error(`read pool: ${msg.detail ?? "the worker failed"}`));
  });
  const retire = (reason: unknown) => {
    const index = pool.workers.indexOf(entry);
    if (index === -1) return;
    pool.workers.splice(index, 1);
    pool.crashes++;
    console.error("[read-pool] a worker stopped; its requests run on the main thread", reason);
    // Reads are safe to repeat: answer what it held from the main thread.
    for (const job of entry.pending.values()) {
      try {
        job.resolve(readOperations[job.req.op](job.db, job.req.actor, job.req.input));
      } catch (e) {
        job.reject(e);
      }
    }
    entry.pending.clear();
    for (const wake of pool.readyWaiters.splice(0)) wake();
  };
  entry.worker.on("error", retire);
  entry.worker.on("exit", (code) => retire(`exit code ${code}`));
  return entry;
}

/**
 * Runs a read operation on a pool worker when one is ready (answering JSON text), else on the
 * main thread with `db`. Errors are the same AppErrors either way.
 */
export function runRead(db: Db, op: ReadOperation, actor: Actor, input: unknown): unknown {
  const pool = state();
  const ready = pool?.workers.filter((w) => w.ready) ?? [];
  if (!pool || ready.length === 0) return readOperations[op](db, actor, input);
  const target = ready.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  const req: ReadRequest = {
    id: pool.nextId++,
    op,
    actor,
    input,
    nowMs: nowMs(),
    origin: requestContext.getStore()?.origin,
  };
  return new Promise((resolve, reject) => {
    target.pending.set(req.id, { req, db, resolve, reject });
    target.worker.postMessage(req);
  });
}

/** Resolves once a worker can take requests (tests; the server never waits). False if the pool is off. */
export async function readPoolReady(): Promise<boolean> {
  const pool = state();
  if (!pool || pool.workers.length === 0) return false;
  if (pool.workers.some((w) => w.ready)) return true;
  await new Promise<void>((resolve) => pool.readyWaiters.push(resolve));
  return pool.workers.some((w) => w.ready);
}

/** How many requests each worker is handling (tests). */
export function readPoolStats(): { workers: number; ready: number } | null {
  const pool = globalRef.__forecourtReadPool;
  return pool ? { workers: pool.workers.length, ready: pool.workers.filter((w) => w.ready).length } : null;
}
