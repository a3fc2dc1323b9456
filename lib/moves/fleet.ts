import "server-only";
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { selectRows, statement } from "@/db/raw";
import { type Loaner, loaners, type Move, type MoveBooking, type MoveVehicle, moves } from "@/db/schema";
import { type Actor, dealerOf, requireScope } from "@/lib/platform/actor";
import { nowMs } from "@/lib/platform/clock";
import { conflict, invalid, notFound } from "@/lib/platform/errors";
import { recordChange } from "@/lib/platform/events";
import { newPublicToken } from "@/lib/platform/ids";
import { parseInput } from "@/lib/platform/validation";
import {
  applyHold,
  currentHold,
  describeHold,
  type HoldRequest,
  holdsOf,
  outHoldOf,
  planHold,
  undoHold,
} from "./holds";
import { assertChangeable, detail, IMMEDIATE, isCanceling, laneMinutes, loadMove } from "./move-records";
import { assignLoanerSchema, loanerSchema, loanerStatusSchema } from "./schema";
import { serializeLoaner } from "./serialize";

/** The loaner fleet, and how a booking's loaner leg is tied to one of its vehicles. */

export function fleetLoanerByStock(tx: DbOrTx, dealerId: string, stock: string): Loaner | undefined {
  return selectRows(tx, loaners, "where dealer_id = ? and stock = ?", dealerId, stock)[0];
}

export function fleetLoanerById(tx: DbOrTx, dealerId: string, id: string): Loaner | undefined {
  return selectRows(tx, loaners, "where id = ? and dealer_id = ?", id, dealerId)[0];
}

function fleetLoaner(tx: DbOrTx, dealerId: string, id: string): Loaner {
  const loaner = fleetLoanerById(tx, dealerId, id);
  if (!loaner) throw notFound("loaner");
  return loaner;
}

/** The fleet's record names the vehicle; what a caller sent fills only what the fleet doesn't know. */
export function fleetVehicle(l: Loaner, sent: Partial<MoveVehicle>): MoveVehicle {
  return {
    stock: l.stock,
    vin: l.vin ?? sent.vin ?? null,
    year: l.year ?? sent.year ?? null,
    make: l.make,
    model: l.model,
    color: l.color ?? sent.color ?? null,
    manual: sent.manual ?? false,
  };
}

export function holdRequest(
  b: Pick<MoveBooking, "customerAction" | "customerName" | "customerPhone" | "appointmentAt">,
  readyBy: Date,
  legMinutes: number,
): HoldRequest {
  return {
    action: b.customerAction,
    customerName: b.customerName,
    customerPhone: b.customerPhone,
    readyBy,
    appointment: b.appointmentAt,
    legMinutes,
  };
}

/**
 * Puts `loaner` (or none) on a booking's loaner leg: lets go of what the leg held, then holds the
 * new loaner for the booking (409 when it is out of service or out with another customer).
 */
export function putLoanerOnLeg(
  tx: DbOrTx,
  leg: Move,
  booking: MoveBooking,
  loaner: Loaner | null,
  readyBy: Date,
  param: string,
  now: Date,
): void {
  const out = outHoldOf(tx, leg.id);
  // The return would then collect a loaner this customer never got.
  if (out?.returnMoveId)
    throw conflict(
      `The return on move ${out.returnMoveId} already brings this loaner back; cancel that return (or change its loaner) first.`,
      "loaner_return_booked",
      param,
    );
  undoHold(tx, leg.id);
  if (!loaner) return;
  const req = holdRequest(booking, readyBy, laneMinutes(tx, leg.laneId));
  applyHold(tx, leg.dealerId, planHold(tx, loaner, req, param, now), req, leg.id);
}

const loanerDto = (tx: DbOrTx, loaner: Loaner, now: Date) =>
  serializeLoaner(loaner, holdsOf(tx, loaner, now), now);

function recordLoanerChange(
  tx: DbOrTx,
  actor: Actor,
  loaner: Loaner,
  change: { from?: string; to?: string; note: string; event: "loaner.created" | "loaner.updated" },
  now: Date,
) {
  const dto = loanerDto(tx, loaner, now);
  recordChange(tx, {
    dealerId: loaner.dealerId,
    actor,
    subject: { type: "loaner", id: loaner.id },
    from: change.from,
    to: change.to,
    note: change.note,
    event: { name: change.event, type: "loaner", data: dto },
  });
  return dto;
}

export function createLoaner(db: Db, actor: Actor, input: unknown) {
  requireScope(actor, "moves.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(loanerSchema, input);
  return db.transaction((tx) => {
    if (fleetLoanerByStock(tx, dealerId, data.stock))
      throw conflict("A loaner with this stock number exists.", "loaner_exists", "stock");
    const loaner = tx
      .insert(loaners)
      .values({
        id: `lnr_${newPublicToken().slice(0, 16)}`,
        dealerId,
        ...data,
        vin: data.vin ?? null,
        year: data.year ?? null,
        color: data.color ?? null,
        status: "available",
      })
      .returning()
      .get();
    return recordLoanerChange(
      tx,
      actor,
      loaner,
      { to: "available", note: `Loaner ${loaner.stock} added`, event: "loaner.created" },
      new Date(nowMs()),
    );
  }, IMMEDIATE);
}

const STATUS_TEXT = { available: "available", out_of_service: "out of service" } as const;

/** Staff take a loaner out of service (repairs, damage) or put it back; an out-of-service loaner cannot be booked. */
export function setLoanerStatus(db: Db, actor: Actor, loanerId: string, input: unknown) {
  requireScope(actor, "moves.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(loanerStatusSchema, input);
  return db.transaction((tx) => {
    const loaner = fleetLoaner(tx, dealerId, loanerId);
    if (loaner.status === data.status)
      throw invalid("status", `Loaner ${loaner.stock} is already ${STATUS_TEXT[data.status]}.`);
    const now = new Date(nowMs());
    const booked = holdsOf(tx, loaner, now)[0];
    if (data.status === "out_of_service" && booked)
      throw conflict(
        `${describeHold(loaner, booked)} Give that move another loaner, or mark the loaner returned, first.`,
        "loaner_booked",
        "status",
      );
    const updated = tx
      .update(loaners)
      .set({ status: data.status })
      .where(eq(loaners.id, loaner.id))
      .returning()
      .get();
    return recordLoanerChange(
      tx,
      actor,
      updated,
      {
        from: loaner.status,
        to: data.status,
        note: `Loaner ${loaner.stock} ${data.status === "available" ? "back in service" : "out of service"}`,
        event: "loaner.updated",
      },
      now,
    );
  }, IMMEDIATE);
}

/** Staff record that a loaner came back without a return move (the customer dropped it off). */
export function markLoanerReturned(db: Db, actor: Actor, loanerId: string) {
  requireScope(actor, "moves.write");
  const dealerId = dealerOf(actor);
  return db.transaction((tx) => {
    const loaner = fleetLoaner(tx, dealerId, loanerId);
    const now = new Date(nowMs());
    const hold = currentHold(tx, loaner, now);
    if (!hold) throw conflict(`Loaner ${loaner.stock} is not out with a customer.`, "loaner_not_out");
    const out = hold.outMoveId
      ? tx.select().from(moves).where(eq(moves.id, hold.outMoveId)).get()
      : undefined;
    // Until the driver has handed it over, the loaner is on a move, and canceling that move frees it.
    if (out && out.status !== "delivery successful" && !isCanceling(out))
      throw conflict(
        `Loaner ${loaner.stock} has not reached ${hold.customerName} yet (move ${out.id}); cancel that move instead.`,
        "loaner_not_out",
      );
    // The loan is over for good: it no longer hangs on a return move, so canceling or re-timing
    // that return later cannot reopen it.
    statement(tx, "update loaner_holds set ends_at = ?, return_move_id = null where id = ?").run(
      now.getTime(),
      hold.id,
    );
    return recordLoanerChange(
      tx,
      actor,
      loaner,
      { note: `Loaner ${loaner.stock} returned by ${hold.customerName}`, event: "loaner.updated" },
      now,
    );
  }, IMMEDIATE);
}

/** Assigns (or changes) the fleet loaner of a booking's loaner leg before it is picked up. */
export function assignLoaner(db: Db, actor: Actor, moveId: number, input: unknown) {
  requireScope(actor, "moves.write");
  const data = parseInput(assignLoanerSchema, input);
  return db.transaction((tx) => {
    const { move, booking } = loadMove(tx, actor, moveId);
    if (move.role !== "loaner")
      throw invalid("move_id", "Loaners are assigned to the loaner leg.", "move_invalid");
    assertChangeable(move);
    const loaner = fleetLoaner(tx, move.dealerId, data.loaner_id);
    if (loaner.id === move.loanerId)
      throw invalid("loaner_id", `Loaner ${loaner.stock} is already on this move.`);
    putLoanerOnLeg(tx, move, booking, loaner, booking.readyByAt, "loaner_id", new Date(nowMs()));
    const updated = tx
      .update(moves)
      .set({
        loanerId: loaner.id,
        vehicle: fleetVehicle(loaner, { manual: move.vehicle.manual }),
        updatedAt: new Date(nowMs()),
      })
      .where(eq(moves.id, move.id))
      .returning()
      .get();
    const dto = detail(tx, updated, booking);
    recordChange(tx, {
      dealerId: move.dealerId,
      actor,
      subject: { type: "move", id: String(move.id) },
      note: `Loaner ${loaner.stock} assigned`,
      event: { name: "move.updated", type: "move", data: dto },
    });
    return dto;
  }, IMMEDIATE);
}
