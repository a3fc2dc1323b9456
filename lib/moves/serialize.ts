import type { Lane, Loaner, LoanerHold, Location, Move, MoveBooking, StepRecord } from "@/db/schema";
import { currentOrigin } from "@/lib/platform/origin";

const iso = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : null);

export function serializeLocation(l: Location) {
  return {
    name: l.name,
    address_one: l.addressOne,
    ...(l.addressTwo ? { address_two: l.addressTwo } : {}),
    city: l.city,
    state: l.state,
    zip: l.zip,
    lat: l.lat,
    lon: l.lon,
    google_place_id: l.placeId,
    location_id: l.id,
    full_address: l.fullAddress,
  };
}

/** A move exactly as the source contract shows it (every key present, null when unknown). */
export function serializeMove(m: Move, booking: MoveBooking, pickup: Location, origin = currentOrigin()) {
  return {
    move_id: m.id,
    status: m.status,
    cancel_status: m.cancelStatus,
    pickup_started: iso(m.pickupStarted),
    pickup_arrived: iso(m.pickupArrived),
    pickup_successful: iso(m.pickupSuccessful),
    delivery_started: iso(m.deliveryStarted),
    delivery_arrived: iso(m.deliveryArrived),
    delivery_successful: iso(m.deliverySuccessful),
    tracking_link: `${origin}/track/${booking.trackingToken}`,
    move_uri: `${origin}/v1/moves/${m.id}`,
    lane_uri: `${origin}/v1/lanes/${m.laneId}`,
    reference_id: m.referenceId,
    dealer_contact: m.dealerContact,
    special_instructions: m.specialInstructions,
    vehicle: { ...m.vehicle },
    pickup_location: serializeLocation(pickup),
  };
}
export type MoveDto = ReturnType<typeof serializeMove>;

/** What the driver recorded when the vehicle changed hands (null until that step). */
function serializeHandover(r: StepRecord | null) {
  if (!r) return null;
  return {
    odometer: r.odometer ?? null,
    fuel_level: r.fuelLevel ?? null,
    signer_name: r.signerName ?? null,
    notes: r.notes ?? null,
  };
}

/** GET /v1/moves/:id: the same shape plus what a caller looking at one move needs. */
export function serializeMoveDetail(m: Move, booking: MoveBooking, pickup: Location, delivery: Location) {
  return {
    ...serializeMove(m, booking, pickup),
    delivery_location: serializeLocation(delivery),
    driver_name: m.driverName,
    dispatched: iso(m.dispatchedAt),
    // The booking's, so every page and API answer reads the same time after a PATCH.
    ready_by_time_utc: iso(booking.readyByAt),
    appointment_time_utc: iso(booking.appointmentAt),
    customer_action: booking.customerAction,
    move_type: m.role === "loaner" ? "loaner" : "customer",
    pickup_record: serializeHandover(m.pickupRecord),
    delivery_record: serializeHandover(m.deliveryRecord),
  };
}

export function serializeLane(l: Lane, from: Location, to: Location) {
  return {
    lane_id: l.id,
    origin_location: serializeLocation(from),
    destination_location: serializeLocation(to),
    distance_miles: l.distanceMiles,
    duration_minutes: l.durationMinutes,
  };
}

function serializeHold(h: LoanerHold) {
  return {
    customer_name: h.customerName,
    from: iso(h.startsAt),
    /** null: out until a return brings it back. */
    until: iso(h.endsAt),
    out_move_id: h.outMoveId,
    return_move_id: h.returnMoveId,
  };
}

/**
 * A fleet loaner. `status` is what staff need at a glance: out of service (set by staff), with a
 * customer (a hold covers now), or available; `bookings` lists the loans not over yet.
 */
export function serializeLoaner(l: Loaner, holds: LoanerHold[], now: Date) {
  const mine = holds.filter((h) => h.loanerId === l.id);
  const current = mine.find((h) => h.startsAt <= now && (h.endsAt === null || h.endsAt > now));
  return {
    id: l.id,
    stock: l.stock,
    vin: l.vin,
    year: l.year,
    make: l.make,
    model: l.model,
    color: l.color,
    status:
      l.status === "out_of_service"
        ? ("out_of_service" as const)
        : current
          ? ("with_customer" as const)
          : ("available" as const),
    with_customer: current ? serializeHold(current) : null,
    bookings: mine.map(serializeHold),
  };
}
export type LoanerDto = ReturnType<typeof serializeLoaner>;

export { iso as isoSeconds };
