import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { lanes, locations, type Move, type MoveBooking, moveBookings, moves } from "@/db/schema";
import { type Actor, dealerOf } from "@/lib/platform/actor";
import { AppError, notFound } from "@/lib/platform/errors";
import { serializeMoveDetail } from "./serialize";

/** Shared by the move services: loading a move for an actor, its API shape, and the rules every change checks. */

export const IMMEDIATE = { behavior: "immediate" } as const;

export function moveError(code: string, message: string, param?: string): AppError {
  return new AppError({ type: "invalid_request_error", code, message, param });
}

/** Ops work every dealer's moves; everyone else only their own (another dealer's id is a 404). */
export function loadMove(tx: DbOrTx, actor: Actor, moveId: number) {
  const isOps = actor.kind === "user" && actor.role === "ops";
  const move = tx
    .select()
    .from(moves)
    .where(and(eq(moves.id, moveId), isOps ? undefined : eq(moves.dealerId, dealerOf(actor))))
    .get();
  if (!move) throw notFound("move");
  const booking = tx.select().from(moveBookings).where(eq(moveBookings.id, move.bookingId)).get()!;
  return { move, booking };
}

export function detail(tx: DbOrTx, move: Move, booking: MoveBooking) {
  const locs = tx
    .select()
    .from(locations)
    .where(inArray(locations.id, [move.pickupLocationId, move.deliveryLocationId]))
    .all();
  const loc = (id: number) => locs.find((l) => l.id === id)!;
  return serializeMoveDetail(move, booking, loc(move.pickupLocationId), loc(move.deliveryLocationId));
}

export const PAST_PICKUP: readonly (string | null)[] = [
  "pickup successful",
  "delivery started",
  "delivery arrived",
  "delivery successful",
];

/** Canceled for good, or about to be: a pending cancelation may still fail, but until then nothing changes. */
export const isCanceling = (m: Pick<Move, "cancelStatus">) =>
  m.cancelStatus === "pending" || m.cancelStatus === "succeeded" || m.cancelStatus === "partial";

/** The PATCH rules of the spec: no changes once the vehicle is picked up, or when canceled. */
export function assertChangeable(move: Move, what = "this move") {
  if (isCanceling(move)) throw moveError("move_invalid", `A canceled move cannot be changed (${what}).`);
  if (PAST_PICKUP.includes(move.status))
    throw moveError("move_invalid", `The vehicle has been picked up; ${what} can no longer be changed.`);
}

export function laneMinutes(tx: DbOrTx, laneId: number): number {
  return tx.select({ m: lanes.durationMinutes }).from(lanes).where(eq(lanes.id, laneId)).get()?.m ?? 0;
}
