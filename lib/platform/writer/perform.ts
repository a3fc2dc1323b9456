import type { Db } from "@/db/client";
import type { ApiKeyActor } from "../actor";
import { type AppError, isAppError } from "../errors";
import { toApiResult } from "../http/api-result";
import {
  abandonIdempotent,
  beginIdempotent,
  completeIdempotent,
  requestFingerprint,
} from "../http/idempotency";
import { parseJsonBody } from "../http/request-body";
import { type WriteOperation, writeOperations } from "./operations";

/** An integrator's write request, as the route handler received it. */
export interface WriteRequest {
  op: WriteOperation;
  actor: ApiKeyActor;
  method: string;
  path: string;
  bodyText: string;
  idempotencyKey: string | null;
}

/** The answer to send: status, JSON text, extra headers; `replayed` for a stored idempotent answer. */
export interface WriteOutcome {
  status: number;
  body: string;
  headers?: Record<string, string>;
  replayed?: boolean;
}

/**
 * Parses, runs and answers one write, with the Idempotency-Key handled as apiRoute does: a known
 * key replays its answer; the answer (or a client error) is stored with the change, in the same
 * group commit. Client errors become outcomes; anything else is thrown (a 500, the key freed).
 */
export function performWrite(db: Db, w: WriteRequest): WriteOutcome {
  try {
    return perform(db, w);
  } catch (e) {
    if (isAppError(e) && e.status < 500) return errorOutcome(e);
    throw e;
  }
}

const errorOutcome = (e: AppError): WriteOutcome => ({
  status: e.status,
  body: JSON.stringify(e.toJSON()),
  headers: e.headers,
});

function perform(db: Db, w: WriteRequest): WriteOutcome {
  const key = w.idempotencyKey;
  const owner = w.actor.keyId;
  if (key) {
    const start = beginIdempotent(db, owner, key, requestFingerprint(w.method, w.path, w.bodyText));
    if (start.kind === "replay") return { status: start.status, body: start.body, replayed: true };
  }
  try {
    const result = toApiResult(writeOperations[w.op](db, w.actor, parseJsonBody(w.bodyText)));
    const outcome = { status: result.status, body: JSON.stringify(result.body), headers: result.headers };
    if (key) completeIdempotent(db, owner, key, outcome.status, outcome.body);
    return outcome;
  } catch (e) {
    if (key) {
      if (isAppError(e) && e.status < 500) {
        const { status, body } = errorOutcome(e);
        completeIdempotent(db, owner, key, status, body);
      } else abandonIdempotent(db, owner, key);
    }
    throw e;
  }
}
