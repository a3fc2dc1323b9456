import "server-only";
import os from "node:os";
import type { Db } from "@/db/client";
import { requestContext } from "@/db/request-context";
import type { Actor } from "../actor";
import { nowMs } from "../clock";
import { JsonText } from "../http/json-text";
import { type Job, ThreadPool } from "../threads/pool";
import { fromWireError } from "../threads/wire";
import { type ReadOperation, type ReadReply, type ReadRequest, readOperations } from "./operations";

/**
 * Heavy reads (parts search, basket pricing) run on worker threads with their own read-only
 * connections, so they use the machine's other cores instead of the event loop that every
 * request shares. The main thread keeps authentication and writes; a worker answers with the JSON
 * text, which the main thread sends as is. Until a worker is ready, or when the pool cannot run,
 * the same service function runs on the main thread.
 */
interface PendingRead extends Job<ReadReply> {
  /** Run on the main thread instead, should the worker die before answering: reads are safe to repeat. */
  rerun: () => void;
}

let size: number | undefined;

const pool = new ThreadPool<ReadRequest, ReadReply, PendingRead>({
  name: "read-pool",
  module: "lib/platform/read-pool/worker.ts",
  enabled: () => process.env.READ_POOL !== "off",
  size: () => {
    if (size === undefined) {
      const configured = Number(process.env.READ_POOL_SIZE);
      size =
        Number.isInteger(configured) && configured > 0
          ? Math.min(configured, 8)
          : // One core stays with the event loop.
            Math.max(1, Math.min(2, os.availableParallelism() - 1));
    }
    return size;
  },
  onLost: (jobs) => {
    for (const job of jobs) job.rerun();
  },
});

/**
 * Runs a read operation on a pool worker when one is ready (answering JSON text), else on the
 * main thread with `db`. Errors are the same AppErrors either way.
 */
export function runRead(db: Db, op: ReadOperation, actor: Actor, input: unknown): unknown {
  const inline = () => readOperations[op](db, actor, input);
  let sent = false;
  const answer = new Promise((resolve, reject) => {
    sent = pool.dispatch(
      { op, actor, input, nowMs: nowMs(), origin: requestContext.getStore()?.origin },
      {
        settle: (reply) =>
          reply.ok ? resolve(new JsonText(reply.json)) : reject(fromWireError(reply, "read pool")),
        rerun: () => {
          try {
            resolve(inline());
          } catch (e) {
            reject(e);
          }
        },
      },
    );
  });
  return sent ? answer : inline();
}

/** Resolves once a worker can take requests (tests; the server never waits). False if the pool is off. */
export const readPoolReady = () => pool.ready();

/** Worker counts (tests). */
export const readPoolStats = () => pool.stats();

/** Stops a worker as a crash would (tests). */
export const killReadPoolWorker = () => pool.killOneWorker();
