import "server-only";
import type { Db } from "@/db/client";
import { waitUntilDurable } from "@/db/group-commit";
import { requestContext } from "@/db/request-context";
import { nowMs } from "../clock";
import { type Job, ThreadPool } from "../threads/pool";
import { fromWireError } from "../threads/wire";
import { wakeWorkers } from "../wakeup";
import type { WriteMessage, WriteReply } from "./messages";
import { performWrite, type WriteOutcome, type WriteRequest } from "./perform";

/**
 * Integrator writes that arrive in volume run on one writer thread (SQLite takes one writer at a
 * time, so one is enough): the event loop authenticates and answers, the service runs on another
 * core. Until the thread is ready, or when it cannot run (WRITER_THREAD=off, no database file),
 * the same write runs on the main thread inside the request's group commit.
 */
const pool = new ThreadPool<WriteMessage, WriteReply, Job<WriteReply>>({
  name: "writer",
  module: "lib/platform/writer/thread.ts",
  enabled: () => process.env.WRITER_THREAD !== "off",
  size: () => 1,
  // Whether a lost write committed is unknowable, so it is not repeated: the client retries
  // (safely with its Idempotency-Key).
  onLost: (jobs) => {
    for (const job of jobs) job.settle({ id: 0, ok: false, ...lostWrite });
  },
  onWake: wakeWorkers,
});

const lostWrite = {
  error: {
    type: "api_error",
    code: "service_unavailable",
    message:
      "The request was interrupted while it was being saved and may or may not have been applied. Retry it with the same Idempotency-Key.",
    status: 503,
    issues: [],
    headers: { "retry-after": "1" },
  },
};

/** A WriteOutcome whose body is UTF-8 bytes when it comes from the writer thread. */
export type SentOutcome = Omit<WriteOutcome, "body"> & { body: string | Uint8Array<ArrayBuffer> };

/** Runs the write on the writer thread when it is ready, else here; answers once it is durable. */
export async function runWrite(db: Db, w: WriteRequest): Promise<SentOutcome> {
  let sent = false;
  const answer = new Promise<SentOutcome>((resolve, reject) => {
    sent = pool.dispatch(
      { ...w, nowMs: nowMs(), origin: requestContext.getStore()?.origin },
      {
        settle: (reply) =>
          reply.ok
            ? resolve({
                status: reply.status,
                body: reply.json,
                headers: reply.headers,
                replayed: reply.replayed,
              })
            : reject(fromWireError(reply, "writer")),
      },
    );
  });
  if (sent) return answer;
  const outcome = performWrite(db, w);
  await waitUntilDurable(db);
  return outcome;
}

/** Resolves once the writer thread takes requests (tests). False if it is off. */
export const writerReady = () => pool.ready();

/** Stops the writer thread as a crash would (tests). */
export const killWriterThread = () => pool.killOneWorker();
