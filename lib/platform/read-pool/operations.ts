import type { Db } from "@/db/client";
import { priceAvailability, searchParts } from "@/lib/parts/queries";
import type { Actor } from "../actor";
import type { WireError } from "../threads/wire";

/**
 * The reads worth a trip to a read pool worker: CPU-heavy (many rows, large answers) and pure
 * reads. Each is the same service function the main thread would call.
 */
export const readOperations = {
  "parts.search": (db: Db, actor: Actor, input: unknown) => searchParts(db, actor, input),
  "parts.priceAvailability": (db: Db, actor: Actor, input: unknown) => priceAvailability(db, actor, input),
} as const;

export type ReadOperation = keyof typeof readOperations;

export interface ReadRequest {
  id: number;
  op: ReadOperation;
  actor: Actor;
  input: unknown;
  /** The main thread's clock and origin, so the answer is the one it would have given. */
  nowMs: number;
  origin: string | undefined;
}

export type ReadReply =
  | { id: number; ok: true; json: Uint8Array<ArrayBuffer> }
  | ({ id: number; ok: false } & WireError);
