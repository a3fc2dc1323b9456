import { parentPort, workerData } from "node:worker_threads";
import { openReadOnlyDatabase } from "@/db/client";
import { runInRequestContext } from "@/db/request-context";
import { atTime } from "../clock";
import { isAppError } from "../errors";
import { type ReadReply, type ReadRequest, readOperations } from "./operations";

/** A read pool worker: answers ReadRequests from its own read-only connection, one at a time. */
const port = parentPort;
if (!port) throw new Error("read-pool/worker.ts runs only as a worker thread");
const encoder = new TextEncoder();
const db = openReadOnlyDatabase((workerData as { file: string }).file);

port.on("message", (req: ReadRequest) => {
  let reply: ReadReply;
  try {
    const result = atTime(req.nowMs, () =>
      runInRequestContext({ origin: req.origin }, () => readOperations[req.op](db, req.actor, req.input)),
    );
    reply = { id: req.id, ok: true, json: encoder.encode(JSON.stringify(result)) };
  } catch (e) {
    reply = isAppError(e)
      ? {
          id: req.id,
          ok: false,
          error: {
            type: e.type,
            code: e.code,
            message: e.message,
            param: e.param,
            status: e.status,
            issues: e.issues,
            headers: e.headers,
          },
        }
      : { id: req.id, ok: false, detail: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  // The bytes are transferred, not copied.
  port.postMessage(reply, reply.ok ? [reply.json.buffer] : []);
});
port.postMessage({ ready: true });
