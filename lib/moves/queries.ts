import "server-only";
import { and, asc, desc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  dealers,
  events,
  lanes,
  loaners,
  locations,
  moveBookings,
  moves,
  timelineEntries,
} from "@/db/schema";
import { type Actor, dealerOf, requireScope } from "@/lib/platform/actor";
import { nowMs } from "@/lib/platform/clock";
import { notFound } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { dayIn, dayWindow } from "@/lib/platform/zoned-time";
import { liveHolds } from "./holds";
import { eventsQuerySchema } from "./schema";
import { serializeLane, serializeLoaner, serializeMoveDetail } from "./serialize";
import { parseUtcTime } from "./time";

export function getLane(db: Db, actor: Actor, laneId: number) {
  requireScope(actor, "moves.read");
  const lane = db
    .select()
    .from(lanes)
    .where(and(eq(lanes.id, laneId), eq(lanes.dealerId, dealerOf(actor))))
    .get();
  if (!lane) throw notFound("lane");
  const locs = db
    .select()
    .from(locations)
    .where(inArray(locations.id, [lane.locationA, lane.locationB]))
    .all();
  return serializeLane(
    lane,
    locs.find((l) => l.id === lane.locationA)!,
    locs.find((l) => l.id === lane.locationB)!,
  );
}

/** GET /v1/events?from=: events already sent, oldest first, for integrators catching up. */
export function listSentEvents(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "events.read");
  const q = parseInput(eventsQuerySchema, raw);
  const rows = db
    .select()
    .from(events)
    .where(
      and(
        eq(events.dealerId, dealerOf(actor)),
        q.from ? gte(events.createdAt, parseUtcTime(q.from)!) : undefined,
      ),
    )
    .orderBy(asc(events.createdAt), asc(events.id))
    .limit(q.limit + 1)
    .offset((q.page - 1) * q.limit)
    .all();
  return {
    data: rows.slice(0, q.limit).map((r) => r.payload),
    page: q.page,
    has_more: rows.length > q.limit,
  };
}

/** Each dealer's time zone: the clock its moves are planned and shown on. */
function dealerZones(db: Db, dealerIds: string[]): Map<string, string> {
  if (dealerIds.length === 0) return new Map();
  const rows = db
    .select({ id: dealers.id, tz: dealers.timeZone })
    .from(dealers)
    .where(inArray(dealers.id, [...new Set(dealerIds)]))
    .all();
  return new Map(rows.map((r) => [r.id, r.tz]));
}

function bookingDetails(db: Db, bookingIds: number[]) {
  if (bookingIds.length === 0) return [];
  const bookings = db.select().from(moveBookings).where(inArray(moveBookings.id, bookingIds)).all();
  const legs = db
    .select()
    .from(moves)
    .where(inArray(moves.bookingId, bookingIds))
    .orderBy(asc(moves.leg))
    .all();
  const locIds = [...new Set(legs.flatMap((m) => [m.pickupLocationId, m.deliveryLocationId]))];
  const locs = locIds.length ? db.select().from(locations).where(inArray(locations.id, locIds)).all() : [];
  const loc = (id: number) => locs.find((l) => l.id === id)!;
  const zones = dealerZones(
    db,
    bookings.map((b) => b.dealerId),
  );
  return bookings.map((b) => ({
    id: b.id,
    kind: b.kind,
    customerAction: b.customerAction,
    customerName: b.customerName,
    customerPhone: b.customerPhone,
    appointment: b.appointmentAt.toISOString(),
    readyBy: b.readyByAt.toISOString(),
    /** The dealer's zone: the clock this booking's times are shown on. */
    timeZone: zones.get(b.dealerId) ?? "UTC",
    trackingToken: b.trackingToken,
    moves: legs
      .filter((m) => m.bookingId === b.id)
      .map((m) => serializeMoveDetail(m, b, loc(m.pickupLocationId), loc(m.deliveryLocationId))),
  }));
}
export type BookingView = ReturnType<typeof bookingDetails>[number];

/**
 * The day board: bookings whose appointment falls on `day` on their dealer's clock, by
 * appointment time (a 20:30 EST appointment is on that New York day, not the next UTC one).
 * Ops see every dealer, each on its own clock.
 */
export function listBookingsForDay(db: Db, actor: Actor, day: string) {
  requireScope(actor, "moves.read");
  const isOps = actor.kind === "user" && actor.role === "ops";
  const zones = isOps
    ? new Map(
        db
          .select({ id: dealers.id, tz: dealers.timeZone })
          .from(dealers)
          .all()
          .map((r) => [r.id, r.tz]),
      )
    : dealerZones(db, [dealerOf(actor)]);
  if (zones.size === 0) return [];
  const windows = [...zones.values()].map((tz) => dayWindow(day, tz));
  const start = new Date(Math.min(...windows.map((w) => w.start.getTime())));
  const end = new Date(Math.max(...windows.map((w) => w.end.getTime())));
  const ids = db
    .select({ id: moveBookings.id, dealerId: moveBookings.dealerId, at: moveBookings.appointmentAt })
    .from(moveBookings)
    .where(
      and(
        isOps ? undefined : eq(moveBookings.dealerId, dealerOf(actor)),
        gte(moveBookings.appointmentAt, start),
        lt(moveBookings.appointmentAt, end),
      ),
    )
    .orderBy(asc(moveBookings.appointmentAt))
    .all()
    .filter((r) => dayIn(r.at, zones.get(r.dealerId) ?? "UTC") === day)
    .map((r) => r.id);
  const details = bookingDetails(db, ids);
  return ids.map((id) => details.find((d) => d.id === id)!);
}

export function getBooking(db: Db, actor: Actor, bookingId: number) {
  requireScope(actor, "moves.read");
  const isOps = actor.kind === "user" && actor.role === "ops";
  const b = db
    .select({ id: moveBookings.id })
    .from(moveBookings)
    .where(
      and(eq(moveBookings.id, bookingId), isOps ? undefined : eq(moveBookings.dealerId, dealerOf(actor))),
    )
    .get();
  if (!b) throw notFound("booking");
  const [view] = bookingDetails(db, [b.id]);
  const timeline = db
    .select()
    .from(timelineEntries)
    .where(
      and(
        eq(timelineEntries.subjectType, "move"),
        inArray(
          timelineEntries.subjectId,
          view.moves.map((m) => String(m.move_id)),
        ),
      ),
    )
    .orderBy(asc(timelineEntries.at), asc(timelineEntries.id))
    .all()
    .map((t) => ({
      at: t.at.toISOString(),
      status: t.toStatus,
      note: t.note,
      by: t.actorLabel,
      moveId: Number(t.subjectId),
    }));
  return { ...view, timeline };
}

/**
 * The clock the ops driver board calls "today" on: ops work across dealers, so it is the zone
 * most dealers use (each booking still shows on its own dealer's clock).
 */
export function boardTimeZone(db: Db): string {
  const counts = new Map<string, number>();
  for (const { tz } of db.select({ tz: dealers.timeZone }).from(dealers).all())
    counts.set(tz, (counts.get(tz) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "UTC";
}

/** The customer's tracking page (token only; no contact details of staff). */
export function getTrackingView(db: Db, token: string) {
  const b = db.select().from(moveBookings).where(eq(moveBookings.trackingToken, token)).get();
  if (!b) return null;
  const [view] = bookingDetails(db, [b.id]);
  return {
    customerName: view.customerName,
    customerAction: view.customerAction,
    appointment: view.appointment,
    readyBy: view.readyBy,
    moves: view.moves.map((m) => ({
      move_id: m.move_id,
      move_type: m.move_type,
      status: m.status,
      cancel_status: m.cancel_status,
      driver_name: m.driver_name,
      vehicle: m.vehicle,
      from: m.pickup_location.full_address,
      to: m.delivery_location.full_address,
      steps: {
        dispatched: m.dispatched,
        pickup_started: m.pickup_started,
        pickup_arrived: m.pickup_arrived,
        pickup_successful: m.pickup_successful,
        delivery_started: m.delivery_started,
        delivery_arrived: m.delivery_arrived,
        delivery_successful: m.delivery_successful,
      },
    })),
  };
}

/** The fleet with each loaner's status and its loans not over yet. */
export function listLoaners(db: Db, actor: Actor) {
  requireScope(actor, "moves.read");
  const dealerId = dealerOf(actor);
  const now = new Date(nowMs());
  const holds = liveHolds(db, dealerId, now);
  return db
    .select()
    .from(loaners)
    .where(eq(loaners.dealerId, dealerId))
    .orderBy(desc(loaners.createdAt))
    .all()
    .map((l) => serializeLoaner(l, holds, now));
}

/** The booking a move belongs to, for pages addressed by move id (the id integrators see). */
export function getBookingForMove(db: Db, actor: Actor, moveId: number) {
  requireScope(actor, "moves.read");
  const isOps = actor.kind === "user" && actor.role === "ops";
  const move = db
    .select({ bookingId: moves.bookingId })
    .from(moves)
    .where(and(eq(moves.id, moveId), isOps ? undefined : eq(moves.dealerId, dealerOf(actor))))
    .get();
  if (!move) throw notFound("move");
  return getBooking(db, actor, move.bookingId);
}
