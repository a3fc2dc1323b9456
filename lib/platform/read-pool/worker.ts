import { openReadOnlyDatabase } from "@/db/client";
import { runInRequestContext } from "@/db/request-context";
import { atTime } from "../clock";
import { toWireError } from "../threads/wire";
import { announceReady, workerContext } from "../threads/worker-port";
import { type ReadReply, type ReadRequest, readOperations } from "./operations";

/** A read pool worker: answers ReadRequests from its own read-only connection, one at a time. */
const { port, file } = workerContext("read-pool/worker.ts");
const encoder = new TextEncoder();
const db = openReadOnlyDatabase(file);

port.on("message", (req: ReadRequest) => {
  let reply: ReadReply;
  try {
    const result = atTime(req.nowMs, () =>
      runInRequestContext({ origin: req.origin }, () => readOperations[req.op](db, req.actor, req.input)),
    );
    reply = { id: req.id, ok: true, json: encoder.encode(JSON.stringify(result)) };
  } catch (e) {
    reply = { id: req.id, ok: false, ...toWireError(e) };
  }
  // The bytes are transferred, not copied.
  port.postMessage(reply, reply.ok ? [reply.json.buffer] : []);
});
announceReady(port);
