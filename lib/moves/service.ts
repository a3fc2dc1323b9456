import "server-only";
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { insertRow, selectRows } from "@/db/raw";
import {
  type Lane,
  type Location,
  lanes,
  locations,
  type Move,
  type MoveBooking,
  type MoveVehicle,
  moveBookings,
  moves,
} from "@/db/schema";
import { type Actor, dealerOf, requireRole, requireScope } from "@/lib/platform/actor";
import { nowMs } from "@/lib/platform/clock";
import { conflict, invalid } from "@/lib/platform/errors";
import { recordChange } from "@/lib/platform/events";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { newPublicToken } from "@/lib/platform/ids";
import type { NotificationInput } from "@/lib/platform/notifications/enqueue";
import { parseInput } from "@/lib/platform/validation";
import { fleetLoanerById, fleetLoanerByStock, fleetVehicle, holdRequest, putLoanerOnLeg } from "./fleet";
import { addressKey, driveEstimate, lookupZip, placeIdFor } from "./geo";
import { applyHold, cancelHold, endReturnHold, planHold, retimeOutHold, startOutHold } from "./holds";
import { assertChangeable, detail, IMMEDIATE, isCanceling, loadMove, moveError } from "./move-records";
import { readyByTime } from "./ready-by";
import {
  type ConciergeLoanerInput,
  cancelationSchema,
  conciergeLoanerSchema,
  conciergeSchema,
  dispatchSchema,
  type LocationInput,
  type MovePatch,
  type MoveStep,
  patchCustomerMoveSchema,
  patchLoanerMoveSchema,
  referenceOf,
  resolveCancelSchema,
  stepSchema,
} from "./schema";
import { isoSeconds, serializeMove } from "./serialize";
import { cancelSms, dispatchSms, type SmsLeg, stepSms } from "./sms";
import { parseUtcTime } from "./time";

export { assignLoaner, createLoaner, markLoanerReturned, setLoanerStatus } from "./fleet";

/** Finds or creates the location for an address; the same normalised address keeps its id. */
function upsertLocation(tx: DbOrTx, dealerId: string, l: LocationInput): Location {
  const key = addressKey({
    addressOne: l.address_one,
    addressTwo: l.address_two,
    city: l.city,
    state: l.state,
    zip: l.zip,
  });
  const [existing] = selectRows(tx, locations, "where dealer_id = ? and key = ?", dealerId, key);
  if (existing) return existing;
  const geo = lookupZip(l.zip)!;
  const fullAddress = `${l.address_one}${l.address_two ? `, ${l.address_two}` : ""}, ${l.city}, ${l.state} ${l.zip}, USA`;
  const row: Omit<Location, "id"> = {
    dealerId,
    key,
    name: l.name,
    addressOne: l.address_one,
    addressTwo: l.address_two ?? null,
    city: l.city,
    state: l.state,
    zip: l.zip,
    lat: geo.lat,
    lon: geo.lon,
    placeId: placeIdFor(key),
    fullAddress,
    createdAt: new Date(nowMs()),
  };
  return { ...row, id: insertRow(tx, locations, row) };
}

/**
 * Lanes join two locations in either direction and are reused. A new lane keeps the direction of
 * the leg that created it (origin = where that driver set off), which GET /v1/lanes/:id reports.
 */
function upsertLane(tx: DbOrTx, dealerId: string, from: Location, to: Location): Lane {
  const [existing] = selectRows(
    tx,
    lanes,
    "where dealer_id = ? and ((location_a = ? and location_b = ?) or (location_a = ? and location_b = ?))",
    dealerId,
    from.id,
    to.id,
    to.id,
    from.id,
  );
  if (existing) return existing;
  const est = driveEstimate(from, to);
  const row: Omit<Lane, "id"> = {
    dealerId,
    locationA: from.id,
    locationB: to.id,
    distanceMiles: est.miles,
    durationMinutes: est.minutes,
    createdAt: new Date(nowMs()),
  };
  return { ...row, id: insertRow(tx, lanes, row) };
}

const vehicleOf = (
  v:
    | {
        stock?: string | null;
        vin?: string | null;
        year?: string | null;
        make?: string | null;
        model?: string | null;
        color?: string | null;
        manual?: boolean | null;
      }
    | null
    | undefined,
): MoveVehicle => ({
  stock: v?.stock ?? null,
  vin: v?.vin ?? null,
  year: v?.year ?? null,
  make: v?.make ?? null,
  model: v?.model ?? null,
  color: v?.color ?? null,
  manual: v?.manual ?? false,
});

/** Active = not canceled (a pending cancelation may still fail, so it counts) and not finished. */
const activeMove = and(
  or(isNull(moves.cancelStatus), inArray(moves.cancelStatus, ["pending", "failed"])),
  or(isNull(moves.status), ne(moves.status, "delivery successful")),
);

/** The customer-move field each duplicate_check compares, as [path under customer_move, value]. */
function duplicateField(
  check: NonNullable<ConciergeLoanerInput["duplicate_check"]>,
  m: ConciergeLoanerInput["customer_move"],
): [string, string | null | undefined] {
  if (check === "vehicle_stock") return ["vehicle.stock", m.vehicle?.stock];
  if (check === "vehicle_vin") return ["vehicle.vin", m.vehicle?.vin];
  // Compared with what is saved: referenceOf, the same value the move stores.
  return [m.reference_id || !m.reference_num ? "reference_id" : "reference_num", referenceOf(m)];
}

function checkDuplicate(
  tx: DbOrTx,
  dealerId: string,
  input: Pick<ConciergeLoanerInput, "duplicate_check" | "customer_move">,
) {
  const check = input.duplicate_check;
  if (!check) return;
  const [field, value] = duplicateField(check, input.customer_move);
  const param = `customer_move.${field}`;
  if (!value) throw moveError("field_missing", `duplicate_check ${check} compares ${param}; send it.`, param);
  // Filtered in SQL: only a clash comes back, however many moves the dealer has.
  const matches =
    check === "reference_num"
      ? eq(moves.referenceId, value)
      : sql`json_extract(${moves.vehicle}, ${check === "vehicle_stock" ? "$.stock" : "$.vin"}) = ${value}`;
  const clash = tx
    .select({ id: moves.id })
    .from(moves)
    .where(and(eq(moves.dealerId, dealerId), eq(moves.role, "customer"), activeMove, matches))
    .get();
  if (clash)
    throw moveError("move_duplication", `An active move (${clash.id}) already has this ${field}.`, param);
}

interface LegDraft {
  role: "loaner" | "customer";
  from: Location;
  to: Location;
  move: {
    dealer_contact?: string | null;
    special_instructions?: string | null;
    reference_id?: string | null;
    reference_num?: string | null;
  };
  vehicle: MoveVehicle;
  loanerId: string | null;
}

interface BookingHead {
  kind: "concierge-loaner" | "concierge";
  action: "pickup" | "return";
  appointment: Date;
  name: string;
  phone: string;
}

function insertBooking(tx: DbOrTx, actor: Actor, dealerId: string, head: BookingHead, legs: LegDraft[]) {
  const lane = upsertLane(tx, dealerId, legs[0].from, legs[0].to);
  const readyBy = readyByTime(head.appointment, lane.durationMinutes);
  const now = new Date(nowMs());
  const bookingRow: Omit<MoveBooking, "id"> = {
    dealerId,
    kind: head.kind,
    customerAction: head.action,
    appointmentAt: head.appointment,
    readyByAt: readyBy,
    customerName: head.name,
    customerPhone: head.phone,
    trackingToken: newPublicToken(),
    createdAt: now,
  };
  const booking: MoveBooking = { ...bookingRow, id: insertRow(tx, moveBookings, bookingRow) };
  const created = legs.map((leg, i) => {
    const legLane = i === 0 ? lane : upsertLane(tx, dealerId, leg.from, leg.to);
    const row: Omit<Move, "id"> = {
      dealerId,
      bookingId: booking.id,
      role: leg.role,
      leg: i + 1,
      referenceId: referenceOf(leg.move),
      dealerContact: leg.move.dealer_contact ?? null,
      specialInstructions: leg.move.special_instructions ?? null,
      vehicle: leg.vehicle,
      loanerId: leg.loanerId,
      pickupLocationId: leg.from.id,
      deliveryLocationId: leg.to.id,
      laneId: legLane.id,
      readyByAt: readyBy,
      status: null,
      cancelStatus: null,
      driverName: null,
      dispatchedAt: null,
      pickupStarted: null,
      pickupArrived: null,
      pickupSuccessful: null,
      deliveryStarted: null,
      deliveryArrived: null,
      deliverySuccessful: null,
      pickupRecord: null,
      deliveryRecord: null,
      createdAt: now,
      updatedAt: now,
    };
    const move: Move = { ...row, id: insertRow(tx, moves, row) };
    const dto = serializeMove(move, booking, leg.from);
    recordChange(tx, {
      dealerId,
      actor,
      subject: { type: "move", id: String(move.id) },
      note: `Move booked: ${leg.from.name} → ${leg.to.name}`,
      event: { name: "move.created", type: "move", data: dto },
    });
    return { role: leg.role, dto };
  });
  const byRole = (role: "loaner" | "customer") => created.find((c) => c.role === role)?.dto ?? null;
  return {
    ...(booking.kind === "concierge-loaner" ? { loaner_move: byRole("loaner") } : {}),
    customer_move: byRole("customer"),
    ready_by_time_utc: isoSeconds(booking.readyByAt),
    appointment_time_utc: isoSeconds(booking.appointmentAt),
    customer_name: booking.customerName,
    customer_phone: booking.customerPhone,
    customer_action: booking.customerAction,
  };
}

/** POST /v1/concierge-loaner-moves: the loaner goes out and the customer's car comes in (or the reverse). */
export function bookConciergeLoaner(db: Db, actor: Actor, input: unknown) {
  requireScope(actor, "moves.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(conciergeLoanerSchema, input);
  return db.transaction((tx) => {
    checkDuplicate(tx, dealerId, data);
    const loanerSpot = upsertLocation(tx, dealerId, data.loaner_move.pickup_location);
    const customerSpot = upsertLocation(tx, dealerId, data.customer_move.pickup_location);
    const head: BookingHead = {
      kind: "concierge-loaner",
      action: data.customer_action,
      appointment: parseUtcTime(data.appointment_time_utc)!,
      name: data.customer_name,
      phone: data.customer_phone,
    };
    let loanerVehicle = vehicleOf(data.loaner_move.vehicle);
    // A loaner named by stock number is linked to the fleet and held for this booking (see holds.ts).
    const fleet = loanerVehicle.stock ? fleetLoanerByStock(tx, dealerId, loanerVehicle.stock) : undefined;
    let hold: { plan: ReturnType<typeof planHold>; req: ReturnType<typeof holdRequest> } | undefined;
    if (fleet) {
      const minutes = driveEstimate(loanerSpot, customerSpot).minutes;
      const req = holdRequest(
        {
          customerAction: head.action,
          customerName: head.name,
          customerPhone: head.phone,
          appointmentAt: head.appointment,
        },
        readyByTime(head.appointment, minutes),
        minutes,
      );
      hold = { plan: planHold(tx, fleet, req, "loaner_move.vehicle.stock", new Date(nowMs())), req };
      loanerVehicle = fleetVehicle(fleet, loanerVehicle);
    }
    // The driver always starts at the service center. For a pickup that is where the loaner is;
    // for a return it is where the customer's car is. Each leg delivers to the other's pickup.
    const loanerLeg: LegDraft = {
      role: "loaner",
      from: loanerSpot,
      to: customerSpot,
      move: data.loaner_move,
      vehicle: loanerVehicle,
      loanerId: fleet?.id ?? null,
    };
    const customerLeg: LegDraft = {
      role: "customer",
      from: customerSpot,
      to: loanerSpot,
      move: data.customer_move,
      vehicle: vehicleOf(data.customer_move.vehicle),
      loanerId: null,
    };
    const legs = data.customer_action === "pickup" ? [loanerLeg, customerLeg] : [customerLeg, loanerLeg];
    const booked = insertBooking(tx, actor, dealerId, head, legs);
    if (hold) applyHold(tx, dealerId, hold.plan, hold.req, booked.loaner_move!.move_id);
    return booked;
  }, IMMEDIATE);
}

/** POST /v1/concierge-moves: only the customer's car moves. */
export function bookConcierge(db: Db, actor: Actor, input: unknown) {
  requireScope(actor, "moves.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(conciergeSchema, input);
  return db.transaction((tx) => {
    checkDuplicate(tx, dealerId, data);
    const from = upsertLocation(tx, dealerId, data.customer_move.pickup_location);
    const to = upsertLocation(tx, dealerId, data.delivery_location);
    return insertBooking(
      tx,
      actor,
      dealerId,
      {
        kind: "concierge",
        action: data.customer_action,
        appointment: parseUtcTime(data.appointment_time_utc)!,
        name: data.customer_name,
        phone: data.customer_phone,
      },
      [
        {
          role: "customer",
          from,
          to,
          move: data.customer_move,
          vehicle: vehicleOf(data.customer_move.vehicle),
          loanerId: null,
        },
      ],
    );
  }, IMMEDIATE);
}

export function getMove(db: Db, actor: Actor, moveId: number) {
  requireScope(actor, "moves.read");
  const { move, booking } = loadMove(db, actor, moveId);
  return detail(db, move, booking);
}

const VEHICLE_KEYS = ["stock", "vin", "year", "make", "model", "color", "manual"] as const;

/** The fields a PATCH sent (undefined means "not sent"; null clears; manual has no null). */
function sentVehicle(v: NonNullable<MovePatch["vehicle"]>): Partial<MoveVehicle> {
  const out: Partial<MoveVehicle> = {};
  for (const k of VEHICLE_KEYS) {
    const value = v[k];
    if (value === undefined) continue;
    if (k === "manual") out.manual = value === true;
    else out[k] = value as string | null;
  }
  return out;
}

/** "color white → black": what changed, for the timeline. */
function describeVehicleChange(before: MoveVehicle, after: MoveVehicle): string[] {
  return VEHICLE_KEYS.filter((k) => before[k] !== after[k]).map(
    (k) => `${k} ${before[k] ?? "none"} → ${after[k] ?? "none"}`,
  );
}

/**
 * The leg's vehicle after a PATCH. On a loaner leg a new stock number is a new loaner: one in the
 * fleet is linked and held as assignLoaner does (409 when out of service or out with someone); the
 * old loaner's details no longer apply.
 */
function patchedVehicle(tx: DbOrTx, move: Move, sent: Partial<MoveVehicle>) {
  const stockChanged =
    move.role === "loaner" && sent.stock !== undefined && sent.stock !== move.vehicle.stock;
  if (!stockChanged) return { vehicle: { ...move.vehicle, ...sent }, loaner: undefined };
  const base = move.loanerId ? { ...vehicleOf(null), manual: move.vehicle.manual } : move.vehicle;
  const merged = { ...base, ...sent };
  const fleet = sent.stock ? fleetLoanerByStock(tx, move.dealerId, sent.stock) : undefined;
  return { vehicle: fleet ? fleetVehicle(fleet, merged) : merged, loaner: fleet ?? null };
}

/** A new ready-by time must be ahead of now and before the appointment, and the first leg not under way. */
function checkReadyBy(tx: DbOrTx, booking: MoveBooking, readyBy: Date, now: Date) {
  if (readyBy.getTime() <= now.getTime()) throw invalid("ready_by", "ready_by must be in the future.");
  if (readyBy.getTime() >= booking.appointmentAt.getTime())
    throw invalid(
      "ready_by",
      `ready_by must be before the appointment (${isoSeconds(booking.appointmentAt)}).`,
    );
  const first = tx
    .select({ status: moves.status })
    .from(moves)
    .where(and(eq(moves.bookingId, booking.id), eq(moves.leg, 1)))
    .get();
  if (first?.status && first.status !== "dispatched")
    throw moveError("move_invalid", "The first leg is under way; ready_by can no longer change.", "ready_by");
}

/**
 * PATCH /v1/moves/:id: vehicle fields, ready_by, reference_num, until the vehicle is picked up.
 * ready_by belongs to the booking (when the first leg leaves), so it changes for both legs.
 * Each change is a timeline entry and an event: `move.rescheduled` for ready_by, `move.updated`
 * for the rest. An empty PATCH is a 400; one that sends the values the move already has changes
 * and records nothing.
 */
export function patchMove(db: Db, actor: Actor, moveId: number, input: unknown) {
  requireScope(actor, "moves.write");
  return db.transaction((tx) => {
    const { move, booking } = loadMove(tx, actor, moveId);
    const data = parseInput(
      move.role === "customer" ? patchCustomerMoveSchema : patchLoanerMoveSchema,
      input,
    );
    assertChangeable(move);
    const now = new Date(nowMs());
    const { vehicle, loaner } = data.vehicle
      ? patchedVehicle(tx, move, sentVehicle(data.vehicle))
      : { vehicle: move.vehicle, loaner: undefined };
    const readyBy = data.ready_by ? parseUtcTime(data.ready_by)! : booking.readyByAt;
    const rescheduled = readyBy.getTime() !== booking.readyByAt.getTime();
    const reference = data.reference_num !== undefined ? data.reference_num : move.referenceId;
    const changes = [
      ...describeVehicleChange(move.vehicle, vehicle),
      ...(reference !== move.referenceId
        ? [`reference ${move.referenceId ?? "none"} → ${reference ?? "none"}`]
        : []),
    ];
    // The move already has these values (a retried PATCH, a form saved unchanged): PATCH is
    // idempotent, so answer with the move as it is and record nothing.
    if (changes.length === 0 && !rescheduled) return detail(tx, move, booking);
    if (rescheduled) checkReadyBy(tx, booking, readyBy, now);

    if (loaner !== undefined) putLoanerOnLeg(tx, move, booking, loaner, readyBy, "vehicle.stock", now);
    const updated = tx
      .update(moves)
      .set({
        vehicle,
        referenceId: reference,
        ...(loaner !== undefined ? { loanerId: loaner?.id ?? null } : {}),
        updatedAt: now,
      })
      .where(eq(moves.id, move.id))
      .returning()
      .get();
    const after = rescheduled
      ? reschedule(tx, actor, booking, readyBy, move.id, loaner !== undefined, now)
      : booking;
    const dto = detail(tx, updated, after);
    if (changes.length)
      recordChange(tx, {
        dealerId: move.dealerId,
        actor,
        subject: { type: "move", id: String(move.id) },
        note: `Updated ${changes.join("; ")}`,
        event: { name: "move.updated", type: "move", data: dto },
      });
    return dto;
  }, IMMEDIATE);
}

/** Moves the booking's ready-by time for both legs, and the pickup's loan with it; `move.rescheduled` on each leg. */
function reschedule(
  tx: DbOrTx,
  actor: Actor,
  booking: MoveBooking,
  readyBy: Date,
  patchedMoveId: number,
  loanerAlreadyPlaced: boolean,
  now: Date,
): MoveBooking {
  const after = tx
    .update(moveBookings)
    .set({ readyByAt: readyBy })
    .where(eq(moveBookings.id, booking.id))
    .returning()
    .get();
  const legs = tx
    .update(moves)
    .set({ readyByAt: readyBy, updatedAt: now })
    .where(eq(moves.bookingId, booking.id))
    .returning()
    .all()
    .sort((a, b) => a.leg - b.leg);
  const loanerLeg = legs.find((l) => l.role === "loaner");
  const placedNow = loanerAlreadyPlaced && loanerLeg?.id === patchedMoveId;
  // A return's loan ends with its appointment, which does not move; a pickup's starts at ready-by.
  const loaner = loanerLeg?.loanerId
    ? fleetLoanerById(tx, loanerLeg.dealerId, loanerLeg.loanerId)
    : undefined;
  if (loanerLeg && loaner && booking.customerAction === "pickup" && !placedNow)
    retimeOutHold(tx, loaner, loanerLeg.id, readyBy, "ready_by", now);
  for (const leg of legs)
    recordChange(tx, {
      dealerId: leg.dealerId,
      actor,
      subject: { type: "move", id: String(leg.id) },
      note: `Ready by ${isoSeconds(booking.readyByAt)} → ${isoSeconds(readyBy)}`,
      event: { name: "move.rescheduled", type: "move", data: detail(tx, leg, after) },
    });
  return after;
}

const smsLeg = (move: Move, booking: MoveBooking): SmsLeg => ({
  kind: booking.kind,
  action: booking.customerAction,
  role: move.role,
  leg: move.leg,
});

/** Cancelable: not delivered, and no cancelation pending or done (a failed one can be asked again). */
const cancelable = (m: Move) =>
  m.status !== "delivery successful" && (m.cancelStatus === null || m.cancelStatus === "failed");

function requestLegCancel(tx: DbOrTx, actor: Actor, move: Move, booking: MoveBooking) {
  const updated = tx
    .update(moves)
    .set({ cancelStatus: "pending", updatedAt: new Date(nowMs()) })
    .where(eq(moves.id, move.id))
    .returning()
    .get();
  recordChange(tx, {
    dealerId: move.dealerId,
    actor,
    subject: { type: "move", id: String(move.id) },
    from: move.cancelStatus ? `cancel ${move.cancelStatus}` : null,
    to: "cancel pending",
    note: "Cancelation requested",
    event: { name: "move.cancel.pending", type: "move", data: detail(tx, updated, booking) },
  });
  return { move_id: move.id, cancel_status: "pending" as const };
}

/** POST /v1/cancelation: asks for the move to be canceled; ops resolve the outcome. */
export function requestCancelation(db: Db, actor: Actor, input: unknown) {
  requireScope(actor, "moves.write");
  const data = parseInput(cancelationSchema, input);
  return db.transaction((tx) => {
    const { move, booking } = loadMove(tx, actor, data.move_id);
    if (move.status === "delivery successful")
      throw moveError("move_invalid", "This move is already delivered.", "move_id");
    if (!cancelable(move))
      throw moveError("move_invalid", `Cancelation is already ${move.cancelStatus}.`, "move_id");
    return requestLegCancel(tx, actor, move, booking);
  }, IMMEDIATE);
}

/** Staff cancel a whole booking: a cancelation request on each leg that can still be canceled. */
export function requestBookingCancelation(db: Db, actor: Actor, moveId: number) {
  requireScope(actor, "moves.write");
  return db.transaction((tx) => {
    const { move, booking } = loadMove(tx, actor, moveId);
    const legs = tx
      .select()
      .from(moves)
      .where(and(eq(moves.bookingId, move.bookingId), eq(moves.dealerId, move.dealerId)))
      .all()
      .sort((a, b) => a.leg - b.leg)
      .filter(cancelable);
    if (legs.length === 0)
      throw moveError("move_invalid", "Nothing left to cancel: every leg is delivered or already canceling.");
    return { moves: legs.map((leg) => requestLegCancel(tx, actor, leg, booking)) };
  }, IMMEDIATE);
}

export function resolveCancelation(db: Db, actor: Actor, moveId: number, input: unknown) {
  requireRole(actor, "ops");
  const data = parseInput(resolveCancelSchema, input);
  return db.transaction((tx) => {
    const { move, booking } = loadMove(tx, actor, moveId);
    if (move.cancelStatus !== "pending")
      throw conflict("There is no pending cancelation on this move.", "move_invalid");
    const updated = tx
      .update(moves)
      .set({ cancelStatus: data.outcome, updatedAt: new Date(nowMs()) })
      .where(eq(moves.id, move.id))
      .returning()
      .get();
    const canceled = data.outcome !== "failed";
    if (canceled && move.role === "loaner" && move.loanerId) cancelHold(tx, move.id);
    const dto = detail(tx, updated, booking);
    recordChange(tx, {
      dealerId: move.dealerId,
      actor,
      subject: { type: "move", id: String(move.id) },
      from: "cancel pending",
      to: `cancel ${data.outcome}`,
      event: { name: `move.cancel.${data.outcome}`, type: "move", data: dto },
      notify: canceled
        ? [
            {
              channel: "sms",
              to: booking.customerPhone,
              body: cancelSms(smsLeg(move, booking), {
                customerName: booking.customerName,
                appointment: booking.appointmentAt,
                timeZone: timeZoneFor(tx, move.dealerId),
              }),
            },
          ]
        : [],
    });
    return dto;
  }, IMMEDIATE);
}

const STEP_COLUMN: Record<MoveStep, keyof Move> = {
  "pickup started": "pickupStarted",
  "pickup arrived": "pickupArrived",
  "pickup successful": "pickupSuccessful",
  "delivery started": "deliveryStarted",
  "delivery arrived": "deliveryArrived",
  "delivery successful": "deliverySuccessful",
};
const ORDER: (string | null)[] = [null, "dispatched", ...Object.keys(STEP_COLUMN)];

function assertOpen(move: Move) {
  if (isCanceling(move)) throw conflict("This move is canceled.", "move_invalid");
}

/** Ops assign the driver. SMS the customer at the first leg's dispatch. */
export function dispatchMove(db: Db, actor: Actor, moveId: number, input: unknown) {
  requireRole(actor, "ops");
  const data = parseInput(dispatchSchema, input);
  return db.transaction((tx) => {
    const { move, booking } = loadMove(tx, actor, moveId);
    assertOpen(move);
    if (move.status !== null) throw conflict(`This move is already ${move.status}.`, "move_invalid");
    const updated = tx
      .update(moves)
      .set({
        status: "dispatched",
        driverName: data.driver_name,
        dispatchedAt: new Date(nowMs()),
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
      from: null,
      to: "dispatched",
      note: `Driver ${data.driver_name}`,
      event: { name: "move.dispatched", type: "move", data: dto },
      notify:
        move.leg === 1
          ? [
              {
                channel: "sms",
                to: booking.customerPhone,
                body: dispatchSms(smsLeg(move, booking), {
                  customerName: booking.customerName,
                  driver: data.driver_name,
                  appointment: booking.appointmentAt,
                  timeZone: timeZoneFor(tx, move.dealerId),
                  link: dto.tracking_link,
                }),
              },
            ]
          : [],
    });
    return dto;
  }, IMMEDIATE);
}

/** Handing over a vehicle cannot take miles off its odometer. */
function checkOdometer(move: Move, step: MoveStep, odometer: number | undefined) {
  const atPickup = move.pickupRecord?.odometer;
  if (
    step === "delivery successful" &&
    odometer !== undefined &&
    atPickup !== undefined &&
    odometer < atPickup
  )
    throw invalid("odometer", `The odometer can't be lower than at pickup (${atPickup} miles).`);
}

/**
 * The driver's next step. Steps go in order; the second leg cannot start before the first is
 * delivered. The customer gets a text when the driver heads their way and when a vehicle arrives.
 */
export function advanceMove(db: Db, actor: Actor, moveId: number, input: unknown) {
  requireRole(actor, "ops");
  const data = parseInput(stepSchema, input);
  return db.transaction((tx) => {
    const { move, booking } = loadMove(tx, actor, moveId);
    assertOpen(move);
    const expected = ORDER[ORDER.indexOf(move.status) + 1];
    if (data.step !== expected) {
      throw conflict(
        `Next step is ${expected ?? "none (delivered)"}, not ${data.step}.`,
        "step_out_of_order",
        "step",
      );
    }
    if (move.leg === 2 && data.step === "pickup started") {
      const first = tx
        .select()
        .from(moves)
        .where(and(eq(moves.bookingId, move.bookingId), eq(moves.leg, 1)))
        .get();
      // A canceled first leg no longer blocks the second (the customer's car still has to move).
      const firstCanceled = first?.cancelStatus === "succeeded" || first?.cancelStatus === "partial";
      if (first && first.status !== "delivery successful" && !firstCanceled) {
        throw conflict(
          "The first leg must be delivered before the second starts.",
          "step_out_of_order",
          "step",
        );
      }
    }
    checkOdometer(move, data.step, data.odometer);
    const now = new Date(nowMs());
    const record = {
      odometer: data.odometer,
      fuelLevel: data.fuel_level,
      notes: data.notes,
      signerName: data.signer_name,
    };
    const updated = tx
      .update(moves)
      .set({
        status: data.step,
        [STEP_COLUMN[data.step]]: now,
        ...(data.step === "pickup successful" ? { pickupRecord: record } : {}),
        ...(data.step === "delivery successful" ? { deliveryRecord: record } : {}),
        updatedAt: now,
      })
      .where(eq(moves.id, move.id))
      .returning()
      .get();
    // The hold follows what really happens: a loaner driven off early is out from then, and a
    // return's loaner back at the service center is back now.
    if (move.role === "loaner" && move.loanerId) {
      if (data.step === "pickup successful") startOutHold(tx, move.id, now);
      if (data.step === "delivery successful") endReturnHold(tx, move.id, now);
    }
    const text = stepSms(smsLeg(move, booking), data.step, move.driverName ?? "Your driver");
    const sms: NotificationInput[] = text ? [{ channel: "sms", to: booking.customerPhone, body: text }] : [];
    const dto = detail(tx, updated, booking);
    recordChange(tx, {
      dealerId: move.dealerId,
      actor,
      subject: { type: "move", id: String(move.id) },
      from: move.status,
      to: data.step,
      note:
        [
          data.notes,
          data.signer_name ? `Signed by ${data.signer_name}` : null,
          data.odometer !== undefined ? `Odometer ${data.odometer}` : null,
          data.fuel_level ? `Fuel ${data.fuel_level}` : null,
        ]
          .filter(Boolean)
          .join(" · ") || null,
      event: {
        name: `move.${data.step.replace(" ", ".")}`,
        type: "move",
        data: dto,
      },
      notify: sms,
    });
    return dto;
  }, IMMEDIATE);
}
