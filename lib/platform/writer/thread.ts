import { openDatabase } from "@/db/client";
import { installGroupCommit, waitUntilDurable } from "@/db/group-commit";
import { runInRequestContext } from "@/db/request-context";
import { atTime } from "../clock";
import { toWireError } from "../threads/wire";
import { announceReady, workerContext } from "../threads/worker-port";
import { wakeup } from "../wakeup";
import type { WriteMessage, WriteReply } from "./messages";
import { performWrite } from "./perform";

/**
 * The writer thread: runs integrator writes on its own read-write connection. Writes that arrive
 * together share one transaction (group commit), which commits at synchronous=FULL, so a write is
 * on disk before any other connection can see it, and each request is answered after its commit.
 */
const { port, file } = workerContext("writer/thread.ts");
const encoder = new TextEncoder();
const db = openDatabase(file, { migrate: false });
installGroupCommit(db, { flushInCommit: true });

// Events written here are delivered by the server's delivery worker: tell it (after the commit,
// since events.ts signals on the next turn and the batch commits on this one).
wakeup.on("work", () => port.postMessage({ wake: true }));

port.on("message", (msg: WriteMessage) => {
  void runInRequestContext({ origin: msg.origin, groupCommit: true }, async () => {
    let reply: WriteReply;
    try {
      const outcome = atTime(msg.nowMs, () => performWrite(db, msg));
      await waitUntilDurable(db);
      reply = {
        id: msg.id,
        ok: true,
        status: outcome.status,
        json: encoder.encode(outcome.body),
        headers: outcome.headers,
        replayed: outcome.replayed,
      };
    } catch (e) {
      reply = { id: msg.id, ok: false, ...toWireError(e) };
    }
    port.postMessage(reply, reply.ok ? [reply.json.buffer] : []);
  });
});
announceReady(port);
