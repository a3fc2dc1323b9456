import type { Lane, Location, Move, MoveBooking } from "@/db/schema";
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

/** GET /v1/moves/:id: the same shape plus what a caller looking at one move needs. */
export function serializeMoveDetail(m: Move, booking: MoveBooking, pickup: Location, delivery: Location) {
  return {
    ...serializeMove(m, booking, pickup),
    delivery_location: serializeLocation(delivery),
    driver_name: m.driverName,
    dispatched: iso(m.dispatchedAt),
    ready_by_time_utc: iso(m.readyByAt),
    appointment_time_utc: iso(booking.appointmentAt),
    customer_action: booking.customerAction,
    move_type: m.role === "loaner" ? "loaner" : "customer",
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

export { iso as isoSeconds };
