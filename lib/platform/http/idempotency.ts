import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { nowMs } from "../clock";
import { AppError, invalid } from "../errors";

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** A request "in flight" for longer than this died with its process; its key may be used again. */
const IN_FLIGHT_TIMEOUT_MS = 60_000;

export type IdempotencyStart = { kind: "new" } | { kind: "replay"; status: number; body: string };

export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

/**
 * Reserves `key` for this request, or answers with the stored response. Same key + same body
 * replays; a different body is a 422; a request still running with the key is a 409.
 */
export function beginIdempotent(db: Db, owner: string, key: string, fingerprint: string): IdempotencyStart {
  if (key.length > 255) throw invalid("Idempotency-Key", "Idempotency-Key must be at most 255 characters.");
  const now = nowMs();
  return db.transaction(
    (tx) => {
      tx.delete(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.owner, owner),
            eq(idempotencyKeys.key, key),
            lt(idempotencyKeys.expiresAt, new Date(now)),
          ),
        )
        .run();
      const row = tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key)))
        .get();
      if (!row) {
        tx.insert(idempotencyKeys)
          .values({
            owner,
            key,
            requestHash: fingerprint,
            state: "in_flight",
            expiresAt: new Date(now + IDEMPOTENCY_TTL_MS),
          })
          .run();
        return { kind: "new" } as const;
      }
      if (row.requestHash !== fingerprint) {
        throw new AppError({
          type: "idempotency_error",
          code: "idempotency_key_reused",
          message: "This Idempotency-Key was used with a different request body.",
        });
      }
      if (row.state === "in_flight" && now - row.createdAt.getTime() > IN_FLIGHT_TIMEOUT_MS) {
        tx.update(idempotencyKeys)
          .set({ createdAt: new Date(now) })
          .where(eq(idempotencyKeys.id, row.id))
          .run();
        return { kind: "new" } as const;
      }
      if (row.state === "in_flight") {
        throw new AppError({
          type: "conflict",
          code: "idempotency_in_flight",
          message: "A request with this Idempotency-Key is still being processed.",
        });
      }
      return { kind: "replay", status: row.responseStatus ?? 200, body: row.responseBody ?? "null" } as const;
    },
    { behavior: "immediate" },
  );
}

export function completeIdempotent(db: Db, owner: string, key: string, status: number, body: string): void {
  db.update(idempotencyKeys)
    .set({ state: "done", responseStatus: status, responseBody: body })
    .where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key)))
    .run();
}

/** A server error is not a result worth replaying: free the key so the client can retry. */
export function abandonIdempotent(db: Db, owner: string, key: string): void {
  db.delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key)))
    .run();
}
