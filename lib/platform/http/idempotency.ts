import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { statement } from "@/db/raw";
import { nowMs } from "../clock";
import { AppError, invalid } from "../errors";

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** A request "in flight" for longer than this died with its process; its key may be used again. */
const IN_FLIGHT_TIMEOUT_MS = 60_000;

export type IdempotencyStart = { kind: "new" } | { kind: "replay"; status: number; body: string };

export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

interface KeyRow {
  id: number;
  request_hash: string;
  state: "in_flight" | "done";
  response_status: number | null;
  response_body: string | null;
  created_at: number;
}

/**
 * Reserves `key` for this request, or answers with the stored response. Same key + same body
 * replays; a different body is a 422; a request still running with the key is a 409.
 * Every idempotent POST passes here twice: raw prepared statements (see db/raw.ts).
 */
export function beginIdempotent(db: Db, owner: string, key: string, fingerprint: string): IdempotencyStart {
  if (key.length > 255) throw invalid("Idempotency-Key", "Idempotency-Key must be at most 255 characters.");
  const now = nowMs();
  return db.transaction(
    (tx) => {
      statement(tx, "delete from idempotency_keys where owner = ? and key = ? and expires_at < ?").run(
        owner,
        key,
        now,
      );
      const row = statement(
        tx,
        "select id, request_hash, state, response_status, response_body, created_at from idempotency_keys where owner = ? and key = ?",
      ).get(owner, key) as KeyRow | undefined;
      if (!row) {
        statement(
          tx,
          "insert into idempotency_keys (owner, key, request_hash, state, created_at, expires_at) values (?, ?, ?, 'in_flight', ?, ?)",
        ).run(owner, key, fingerprint, now, now + IDEMPOTENCY_TTL_MS);
        return { kind: "new" } as const;
      }
      if (row.request_hash !== fingerprint) {
        throw new AppError({
          type: "idempotency_error",
          code: "idempotency_key_reused",
          message: "This Idempotency-Key was used with a different request body.",
        });
      }
      if (row.state === "in_flight" && now - row.created_at > IN_FLIGHT_TIMEOUT_MS) {
        statement(tx, "update idempotency_keys set created_at = ? where id = ?").run(now, row.id);
        return { kind: "new" } as const;
      }
      if (row.state === "in_flight") {
        throw new AppError({
          type: "conflict",
          code: "idempotency_in_flight",
          message: "A request with this Idempotency-Key is still being processed.",
        });
      }
      return {
        kind: "replay",
        status: row.response_status ?? 200,
        body: row.response_body ?? "null",
      } as const;
    },
    { behavior: "immediate" },
  );
}

/**
 * Stores the response to replay. Called before the request waits for durability, in a
 * transaction, so under group commit it lands in the same commit as the change it answers for.
 */
export function completeIdempotent(db: Db, owner: string, key: string, status: number, body: string): void {
  db.transaction((tx) => {
    statement(
      tx,
      "update idempotency_keys set state = 'done', response_status = ?, response_body = ? where owner = ? and key = ?",
    ).run(status, body, owner, key);
  });
}

/** A server error is not a result worth replaying: free the key so the client can retry. */
export function abandonIdempotent(db: Db, owner: string, key: string): void {
  db.transaction((tx) => {
    statement(tx, "delete from idempotency_keys where owner = ? and key = ?").run(owner, key);
  });
}
