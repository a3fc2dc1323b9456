import "server-only";
import type { DbOrTx } from "@/db/client";
import { insertRow, selectRows, statement } from "@/db/raw";
import { type Loaner, type LoanerHold, loanerHolds } from "@/db/schema";
import { conflict } from "@/lib/platform/errors";
import { isoSeconds } from "./serialize";

/**
 * Loaner holds: when a fleet loaner is out with a customer (see db/schema/moves.ts). The rule:
 * a pickup booking hands the loaner over at its ready-by time and it stays out, with no end, until
 * a return booking for the same customer brings it back (or staff mark it returned). A return
 * booking closes that hold at the time the loaner is due back at the service center. Holds never
 * overlap, so a loaner out with one customer cannot be booked onto another (409).
 */

/** What a booking asks of its fleet loaner. */
export interface HoldRequest {
  action: "pickup" | "return";
  customerName: string;
  customerPhone: string;
  readyBy: Date;
  appointment: Date;
  /** Drive time of a leg: a return's loaner reaches the service center this long after the appointment. */
  legMinutes: number;
}

export type HoldPlan =
  | { kind: "new"; loanerId: string; startsAt: Date; endsAt: Date | null }
  | { kind: "close"; holdId: number; endsAt: Date };

const overlaps = (h: LoanerHold, from: Date, to: Date | null) =>
  (to === null || h.startsAt < to) && (h.endsAt === null || h.endsAt > from);

export function describeHold(loaner: Loaner, h: LoanerHold): string {
  const move = h.outMoveId ?? h.returnMoveId;
  const when = h.endsAt
    ? `from ${isoSeconds(h.startsAt)} to ${isoSeconds(h.endsAt)}`
    : `from ${isoSeconds(h.startsAt)} until it is returned`;
  return `Loaner ${loaner.stock} is out with ${h.customerName} ${when}${move ? ` (move ${move})` : ""}.`;
}

const unavailable = (message: string, param: string) => conflict(message, "loaner_unavailable", param);

/**
 * How a booking would hold `loaner`, or a 409 naming the clash. Nothing is written: the booking
 * inserts its legs first and then applies the plan with the loaner leg's id.
 */
export function planHold(tx: DbOrTx, loaner: Loaner, req: HoldRequest, param: string, now: Date): HoldPlan {
  if (loaner.status === "out_of_service")
    throw unavailable(`Loaner ${loaner.stock} is out of service; choose another loaner.`, param);
  // Only holds not over yet can clash.
  const live = holdsOf(tx, loaner, now);
  if (req.action === "pickup") {
    const clash = live.find((h) => overlaps(h, req.readyBy, null));
    if (clash) throw unavailable(describeHold(loaner, clash), param);
    return { kind: "new", loanerId: loaner.id, startsAt: req.readyBy, endsAt: null };
  }
  const backAt = new Date(req.appointment.getTime() + req.legMinutes * 60_000);
  // The loaner this return collects: the customer's open hold that began before the appointment.
  const open = live.findLast((h) => h.endsAt === null && h.startsAt < req.appointment);
  if (open && open.customerPhone !== req.customerPhone)
    throw unavailable(
      `${describeHold(loaner, open)} A return can only collect it from that customer.`,
      param,
    );
  const from = open ? open.startsAt : now;
  const clash = live.find((h) => h.id !== open?.id && overlaps(h, from, backAt));
  if (clash) throw unavailable(describeHold(loaner, clash), param);
  // Without an open hold the loaner went out some other way (at the counter): it is out from now.
  return open
    ? { kind: "close", holdId: open.id, endsAt: backAt }
    : { kind: "new", loanerId: loaner.id, startsAt: now, endsAt: backAt };
}

/** Writes a plan for the loaner leg `moveId` of a booking. */
export function applyHold(
  tx: DbOrTx,
  dealerId: string,
  plan: HoldPlan,
  req: HoldRequest,
  moveId: number,
): void {
  if (plan.kind === "close") {
    statement(tx, "update loaner_holds set ends_at = ?, return_move_id = ? where id = ?").run(
      plan.endsAt.getTime(),
      moveId,
      plan.holdId,
    );
    return;
  }
  insertRow(tx, loanerHolds, {
    dealerId,
    loanerId: plan.loanerId,
    customerName: req.customerName,
    customerPhone: req.customerPhone,
    outMoveId: req.action === "pickup" ? moveId : null,
    returnMoveId: req.action === "return" ? moveId : null,
    startsAt: plan.startsAt,
    endsAt: plan.endsAt,
  });
}

/** The hold a pickup's loaner leg made, if any. */
export function outHoldOf(tx: DbOrTx, moveId: number): LoanerHold | undefined {
  return selectRows(tx, loanerHolds, "where out_move_id = ?", moveId)[0];
}

/**
 * A pickup's ready-by time moved: its loan now starts then. The hold keeps its end (a return may
 * already be booked), so only the new start can clash (409).
 */
export function retimeOutHold(
  tx: DbOrTx,
  loaner: Loaner,
  moveId: number,
  readyBy: Date,
  param: string,
  now: Date,
): void {
  const hold = outHoldOf(tx, moveId);
  if (!hold) return;
  const clash = holdsOf(tx, loaner, now).find((h) => h.id !== hold.id && overlaps(h, readyBy, hold.endsAt));
  if (clash) throw unavailable(describeHold(loaner, clash), param);
  statement(tx, "update loaner_holds set starts_at = ? where id = ?").run(readyBy.getTime(), hold.id);
}

/**
 * Takes back what a loaner leg claimed, before it is given another loaner or a new time: a
 * pickup's hold goes; a return's hold goes if the return made it, else it reopens (the customer
 * still has the loaner).
 */
export function undoHold(tx: DbOrTx, moveId: number): void {
  statement(
    tx,
    "delete from loaner_holds where out_move_id = ? or (return_move_id = ? and out_move_id is null)",
  ).run(moveId, moveId);
  statement(tx, "update loaner_holds set ends_at = null, return_move_id = null where return_move_id = ?").run(
    moveId,
  );
}

/**
 * A loaner leg canceled for good: a pickup's loaner never stays with the customer, so its hold
 * goes; a canceled return leaves the loaner with the customer, so that hold has no end again.
 */
export function cancelHold(tx: DbOrTx, moveId: number): void {
  statement(tx, "delete from loaner_holds where out_move_id = ?").run(moveId);
  statement(tx, "update loaner_holds set ends_at = null, return_move_id = null where return_move_id = ?").run(
    moveId,
  );
}

/** The driver took a pickup's loaner from the service center: it is out from now if that is earlier than planned. */
export function startOutHold(tx: DbOrTx, moveId: number, now: Date): void {
  statement(tx, "update loaner_holds set starts_at = min(starts_at, ?) where out_move_id = ?").run(
    now.getTime(),
    moveId,
  );
}

/** The return leg delivered the loaner to the service center: its hold ends now (if not already over). */
export function endReturnHold(tx: DbOrTx, moveId: number, now: Date): void {
  statement(
    tx,
    "update loaner_holds set ends_at = ? where return_move_id = ? and (ends_at is null or ends_at > ?)",
  ).run(now.getTime(), moveId, now.getTime());
}

/** A loaner's holds not over yet, oldest first (the index on loaner_id, starts_at keeps this to a few rows). */
export function holdsOf(tx: DbOrTx, loaner: Loaner, now: Date): LoanerHold[] {
  return selectRows(
    tx,
    loanerHolds,
    "where loaner_id = ? and dealer_id = ? and (ends_at is null or ends_at > ?) order by starts_at",
    loaner.id,
    loaner.dealerId,
    now.getTime(),
  );
}

/** The hold a loaner is under right now, if any. */
export function currentHold(tx: DbOrTx, loaner: Loaner, now: Date): LoanerHold | undefined {
  return selectRows(
    tx,
    loanerHolds,
    "where loaner_id = ? and dealer_id = ? and starts_at <= ? and (ends_at is null or ends_at > ?) order by starts_at desc limit 1",
    loaner.id,
    loaner.dealerId,
    now.getTime(),
    now.getTime(),
  )[0];
}

/** Every hold of the dealer's fleet not over yet, oldest first: current and upcoming loans. */
export function liveHolds(tx: DbOrTx, dealerId: string, now: Date): LoanerHold[] {
  return selectRows(
    tx,
    loanerHolds,
    "where dealer_id = ? and (ends_at is null or ends_at > ?) order by starts_at",
    dealerId,
    now.getTime(),
  );
}
