import "server-only";
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { insertRow, selectRows } from "@/db/raw";
import {
  type Lane,
  type Location,
  lanes,
  loaners,
  locations,
  type Move,
  type MoveBooking,
  type MoveVehicle,
  moveBookings,
  moves,
} from "@/db/schema";
import { type Actor, dealerOf, requireRole, requireScope } from "@/lib/platform/actor";
import { nowMs } from "@/lib/platform/clock";
import { AppError, conflict, invalid, notFound } from "@/lib/platform/errors";
import { recordChange } from "@/lib/platform/events";
import { newPublicToken } from "@/lib/platform/ids";
import type { NotificationInput } from "@/lib/platform/notifications/enqueue";
import { parseInput } from "@/lib/platform/validation";
import { addressKey, driveEstimate, lookupZip, placeIdFor } from "./geo";
import { readyByTime } from "./ready-by";
import {
  type ConciergeLoanerInput,
  cancelationSchema,
  conciergeLoanerSchema,
  conciergeSchema,
  dispatchSchema,
  type LocationInput,
  loanerSchema,
  type MoveStep,
  patchMoveSchema,
  resolveCancelSchema,
  stepSchema,
} from "./schema";
import { isoSeconds, serializeMove, serializeMoveDetail } from "./serialize";

const IMMEDIATE = { behavior: "immediate" } as const;
/** How long a loaner stays with a booking after the appointment (the customer has it, then it comes back). */
const LOANER_HOLD_AFTER_MS = 4 * 3_600_000;

function moveError(code: string, message: string, param?: string): AppError {
  return new AppError({ type: "invalid_request_error", code, message, param });
}

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

/** Lanes join two locations in either direction and are reused. */
function upsertLane(tx: DbOrTx, dealerId: string, a: Location, b: Location): Lane {
  const [first, second] = a.id <= b.id ? [a, b] : [b, a];
  const [existing] = selectRows(
    tx,
    lanes,
    "where dealer_id = ? and location_a = ? and location_b = ?",
    dealerId,
    first.id,
    second.id,
  );
  if (existing) return existing;
  const est = driveEstimate(first, second);
  const row: Omit<Lane, "id"> = {
    dealerId,
    locationA: first.id,
    locationB: second.id,
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

/** Active = not canceled for good and not finished. */
const activeMove = and(
  or(isNull(moves.cancelStatus), eq(moves.cancelStatus, "failed")),
  or(isNull(moves.status), ne(moves.status, "delivery successful")),
);

function checkDuplicate(
  tx: DbOrTx,
  dealerId: string,
  input: Pick<ConciergeLoanerInput, "duplicate_check" | "customer_move">,
) {
  if (!input.duplicate_check) return;
  const m = input.customer_move;
  const value =
    input.duplicate_check === "reference_num"
      ? (m.reference_num ?? m.reference_id)
      : input.duplicate_check === "vehicle_stock"
        ? m.vehicle?.stock
        : m.vehicle?.vin;
  if (!value) {
    throw moveError(
      "field_missing",
      `duplicate_check ${input.duplicate_check} needs that value on customer_move.`,
      "duplicate_check",
    );
  }
  // Filtered in SQL: only a clash comes back, however many moves the dealer has.
  const matches =
    input.duplicate_check === "reference_num"
      ? eq(moves.referenceId, value)
      : sql`json_extract(${moves.vehicle}, ${input.duplicate_check === "vehicle_stock" ? "$.stock" : "$.vin"}) = ${value}`;
  const clash = tx
    .select({ id: moves.id })
    .from(moves)
    .where(and(eq(moves.dealerId, dealerId), eq(moves.role, "customer"), activeMove, matches))
    .get();
  if (clash)
    throw moveError(
      "move_duplication",
      `An active move (${clash.id}) already has this ${input.duplicate_check}.`,
      "duplicate_check",
    );
}

/** A loaner cannot be on two bookings whose windows overlap. */
function assertLoanerFree(
  tx: DbOrTx,
  dealerId: string,
  loanerId: string,
  from: Date,
  to: Date,
  exceptBooking?: number,
) {
  const busy = tx
    .select({
      id: moves.id,
      readyByAt: moves.readyByAt,
      bookingId: moves.bookingId,
      appointmentAt: moveBookings.appointmentAt,
    })
    .from(moves)
    .innerJoin(moveBookings, eq(moveBookings.id, moves.bookingId))
    .where(and(eq(moves.dealerId, dealerId), eq(moves.loanerId, loanerId), activeMove))
    .all()
    .filter((m) => m.bookingId !== exceptBooking)
    .find(
      (m) =>
        m.readyByAt.getTime() < to.getTime() &&
        m.appointmentAt.getTime() + LOANER_HOLD_AFTER_MS > from.getTime(),
    );
  if (busy)
    throw conflict(
      `This loaner is already booked on move ${busy.id} at that time.`,
      "loaner_unavailable",
      "loaner_move.vehicle.stock",
    );
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

function insertBooking(
  tx: DbOrTx,
  actor: Actor,
  dealerId: string,
  head: {
    kind: "concierge-loaner" | "concierge";
    action: "pickup" | "return";
    appointment: Date;
    name: string;
    phone: string;
  },
  legs: LegDraft[],
) {
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
      referenceId: leg.move.reference_id ?? leg.move.reference_num ?? null,
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
    const appointment = new Date(data.appointment_time_utc.replace(" ", "T"));
    const loanerVehicle = vehicleOf(data.loaner_move.vehicle);
    // A loaner named by stock number is linked to the fleet and held for this booking.
    const fleet = loanerVehicle.stock
      ? selectRows(tx, loaners, "where dealer_id = ? and stock = ?", dealerId, loanerVehicle.stock)[0]
      : undefined;
    if (fleet) {
      const lane = driveEstimate(loanerSpot, customerSpot);
      assertLoanerFree(
        tx,
        dealerId,
        fleet.id,
        readyByTime(appointment, lane.minutes),
        new Date(appointment.getTime() + LOANER_HOLD_AFTER_MS),
      );
      Object.assign(loanerVehicle, {
        vin: loanerVehicle.vin ?? fleet.vin,
        year: loanerVehicle.year ?? fleet.year,
        make: loanerVehicle.make ?? fleet.make,
        model: loanerVehicle.model ?? fleet.model,
        color: loanerVehicle.color ?? fleet.color,
      });
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
    return insertBooking(
      tx,
      actor,
      dealerId,
      {
        kind: "concierge-loaner",
        action: data.customer_action,
        appointment,
        name: data.customer_name,
        phone: data.customer_phone,
      },
      legs,
    );
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
        appointment: new Date(data.appointment_time_utc.replace(" ", "T")),
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

/** Ops work every dealer's moves; everyone else only their own. */
function loadMove(tx: DbOrTx, actor: Actor, moveId: number) {
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

function detail(tx: DbOrTx, move: Move, booking: MoveBooking) {
  const locs = tx
    .select()
    .from(locations)
    .where(inArray(locations.id, [move.pickupLocationId, move.deliveryLocationId]))
    .all();
  const loc = (id: number) => locs.find((l) => l.id === id)!;
  return serializeMoveDetail(move, booking, loc(move.pickupLocationId), loc(move.deliveryLocationId));
}

export function getMove(db: Db, actor: Actor, moveId: number) {
  requireScope(actor, "moves.read");
  const { move, booking } = loadMove(db, actor, moveId);
  return detail(db, move, booking);
}

const PAST_PICKUP: readonly (string | null)[] = [
  "pickup successful",
  "delivery started",
  "delivery arrived",
  "delivery successful",
];

/** PATCH /v1/moves/:id: vehicle fields, ready_by, reference_num — until the vehicle is picked up. */
export function patchMove(db: Db, actor: Actor, moveId: number, input: unknown) {
  requireScope(actor, "moves.write");
  const data = parseInput(patchMoveSchema, input);
  return db.transaction((tx) => {
    const { move, booking } = loadMove(tx, actor, moveId);
    if (
      move.cancelStatus === "pending" ||
      move.cancelStatus === "succeeded" ||
      move.cancelStatus === "partial"
    ) {
      throw moveError("move_invalid", "A canceled move cannot be changed.");
    }
    if (PAST_PICKUP.includes(move.status))
      throw moveError("move_invalid", "The vehicle has been picked up; this move can no longer be changed.");
    const vehicle = data.vehicle
      ? {
          ...move.vehicle,
          ...Object.fromEntries(Object.entries(data.vehicle).filter(([, v]) => v !== undefined)),
        }
      : move.vehicle;
    const readyBy = data.ready_by ? new Date(data.ready_by) : move.readyByAt;
    const updated = tx
      .update(moves)
      .set({
        vehicle: vehicle as MoveVehicle,
        readyByAt: readyBy,
        referenceId: data.reference_num ?? move.referenceId,
        updatedAt: new Date(nowMs()),
      })
      .where(eq(moves.id, move.id))
      .returning()
      .get();
    const rescheduled = readyBy.getTime() !== move.readyByAt.getTime();
    const dto = detail(tx, updated, booking);
    recordChange(tx, {
      dealerId: move.dealerId,
      actor,
      subject: { type: "move", id: String(move.id) },
      note: `Updated ${Object.keys(data).join(", ")}`,
      event: rescheduled ? { name: "move.rescheduled", type: "move", data: dto } : undefined,
    });
    return dto;
  }, IMMEDIATE);
}

/** POST /v1/cancelation: asks for the move to be canceled; ops resolve the outcome. */
export function requestCancelation(db: Db, actor: Actor, input: unknown) {
  requireScope(actor, "moves.write");
  const data = parseInput(cancelationSchema, input);
  return db.transaction((tx) => {
    const { move, booking } = loadMove(tx, actor, data.move_id);
    if (move.status === "delivery successful")
      throw moveError("move_invalid", "This move is already delivered.", "move_id");
    if (move.cancelStatus && move.cancelStatus !== "failed")
      throw moveError("move_invalid", `Cancelation is already ${move.cancelStatus}.`, "move_id");
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
      to: "cancel pending",
      note: "Cancelation requested",
      event: { name: "move.cancel.pending", type: "move", data: detail(tx, updated, booking) },
    });
    return { move_id: move.id, cancel_status: "pending" as const };
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
    const dto = detail(tx, updated, booking);
    recordChange(tx, {
      dealerId: move.dealerId,
      actor,
      subject: { type: "move", id: String(move.id) },
      from: "cancel pending",
      to: `cancel ${data.outcome}`,
      event: { name: `move.cancel.${data.outcome}`, type: "move", data: dto },
      notify:
        data.outcome === "failed"
          ? []
          : [
              {
                channel: "sms",
                to: booking.customerPhone,
                body: `${booking.customerName}, your vehicle move for ${booking.appointmentAt.toUTCString()} was canceled.`,
              },
            ],
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
  if (
    move.cancelStatus === "pending" ||
    move.cancelStatus === "succeeded" ||
    move.cancelStatus === "partial"
  ) {
    throw conflict("This move is canceled.", "move_invalid");
  }
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
    const link = dto.tracking_link;
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
                body: `${booking.customerName}, ${data.driver_name} is your driver for ${booking.appointmentAt.toUTCString()}. Track: ${link}`,
              },
            ]
          : [],
    });
    return dto;
  }, IMMEDIATE);
}

/**
 * The driver's next step. Steps go in order; the second leg cannot start before the first is
 * delivered. SMS when the driver heads to the customer and on each delivery.
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
    const sms: NotificationInput[] = [];
    const who = move.driverName ?? "Your driver";
    if (move.leg === 1 && data.step === "delivery started") {
      sms.push({
        channel: "sms",
        to: booking.customerPhone,
        body: `${who} is on the way to you with your ${move.role === "loaner" ? "loaner" : "vehicle"}.`,
      });
    }
    if (data.step === "delivery successful") {
      sms.push({
        channel: "sms",
        to: booking.customerPhone,
        body:
          move.leg === 1
            ? `Your ${move.role === "loaner" ? "loaner" : "vehicle"} has been delivered.`
            : `Your ${move.role === "loaner" ? "loaner is back at the dealership" : "vehicle is at the service center"}. Thank you!`,
      });
    }
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

// ---------------------------------------------------------------------------------------------
// Loaner fleet

export function createLoaner(db: Db, actor: Actor, input: unknown) {
  requireScope(actor, "moves.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(loanerSchema, input);
  return db.transaction((tx) => {
    if (
      tx
        .select()
        .from(loaners)
        .where(and(eq(loaners.dealerId, dealerId), eq(loaners.stock, data.stock)))
        .get()
    ) {
      throw conflict("A loaner with this stock number exists.", "loaner_exists", "stock");
    }
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
    recordChange(tx, {
      dealerId,
      actor,
      subject: { type: "loaner", id: loaner.id },
      to: "available",
      note: `Loaner ${loaner.stock} added`,
    });
    return loaner;
  }, IMMEDIATE);
}

/** Assigns (or changes) the fleet loaner of a booking's loaner leg before it is picked up. */
export function assignLoaner(db: Db, actor: Actor, moveId: number, loanerId: string) {
  requireScope(actor, "moves.write");
  return db.transaction((tx) => {
    const { move, booking } = loadMove(tx, actor, moveId);
    if (move.role !== "loaner")
      throw invalid("move_id", "Loaners are assigned to the loaner leg.", "move_invalid");
    if (PAST_PICKUP.includes(move.status))
      throw moveError("move_invalid", "The loaner has already been picked up.");
    const loaner = tx
      .select()
      .from(loaners)
      .where(and(eq(loaners.id, loanerId), eq(loaners.dealerId, move.dealerId)))
      .get();
    if (!loaner) throw notFound("loaner");
    if (loaner.status !== "available") throw conflict("This loaner is out of service.", "loaner_unavailable");
    assertLoanerFree(
      tx,
      move.dealerId,
      loaner.id,
      move.readyByAt,
      new Date(booking.appointmentAt.getTime() + LOANER_HOLD_AFTER_MS),
      booking.id,
    );
    const vehicle: MoveVehicle = {
      stock: loaner.stock,
      vin: loaner.vin,
      year: loaner.year,
      make: loaner.make,
      model: loaner.model,
      color: loaner.color,
      manual: false,
    };
    const updated = tx
      .update(moves)
      .set({ loanerId: loaner.id, vehicle, updatedAt: new Date(nowMs()) })
      .where(eq(moves.id, move.id))
      .returning()
      .get();
    recordChange(tx, {
      dealerId: move.dealerId,
      actor,
      subject: { type: "move", id: String(move.id) },
      note: `Loaner ${loaner.stock} assigned`,
    });
    return detail(tx, updated, booking);
  }, IMMEDIATE);
}
