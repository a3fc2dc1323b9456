import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const at = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () => at("created_at").notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** Geocoded addresses, de-duplicated per dealer by their normalised text (integer ids, as the source contract). */
export const locations = sqliteTable(
  "locations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dealerId: text("dealer_id").notNull(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    addressOne: text("address_one").notNull(),
    addressTwo: text("address_two"),
    city: text("city").notNull(),
    state: text("state").notNull(),
    zip: text("zip").notNull(),
    lat: real("lat").notNull(),
    lon: real("lon").notNull(),
    placeId: text("place_id").notNull(),
    fullAddress: text("full_address").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("locations_dealer_key_unique").on(t.dealerId, t.key)],
);

/** A pair of locations (either direction) with its road distance and drive-time estimate. */
export const lanes = sqliteTable(
  "lanes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dealerId: text("dealer_id").notNull(),
    locationA: integer("location_a").notNull(),
    locationB: integer("location_b").notNull(),
    distanceMiles: real("distance_miles").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("lanes_pair_unique").on(t.dealerId, t.locationA, t.locationB)],
);

export const loaners = sqliteTable(
  "loaners",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    stock: text("stock").notNull(),
    vin: text("vin"),
    year: text("year"),
    make: text("make").notNull(),
    model: text("model").notNull(),
    color: text("color"),
    status: text("status", { enum: ["available", "out_of_service"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("loaners_dealer_stock_unique").on(t.dealerId, t.stock)],
);

/**
 * A loaner out with one customer: from when it must be ready for the pickup booking that hands it
 * over until the return booking brings it back (`ends_at` null: no return booked yet, so it is
 * out until one is, or until staff mark it returned). Two holds of a loaner never overlap.
 */
export const loanerHolds = sqliteTable(
  "loaner_holds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dealerId: text("dealer_id").notNull(),
    loanerId: text("loaner_id").notNull(),
    customerName: text("customer_name").notNull(),
    customerPhone: text("customer_phone").notNull(),
    /** The loaner leg that takes it to the customer; null when it went out some other way. */
    outMoveId: integer("out_move_id"),
    /** The loaner leg that brings it back, once booked. */
    returnMoveId: integer("return_move_id"),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("loaner_holds_loaner_idx").on(t.loanerId, t.startsAt),
    index("loaner_holds_out_idx").on(t.outMoveId),
    index("loaner_holds_return_idx").on(t.returnMoveId),
  ],
);

export interface MoveVehicle {
  stock: string | null;
  vin: string | null;
  year: string | null;
  make: string | null;
  model: string | null;
  color: string | null;
  manual: boolean;
}

export interface StepRecord {
  odometer?: number;
  fuelLevel?: string;
  notes?: string;
  signerName?: string;
}

export const MOVE_STATUSES = [
  "dispatched",
  "pickup started",
  "pickup arrived",
  "pickup successful",
  "delivery started",
  "delivery arrived",
  "delivery successful",
] as const;
export type MoveStatus = (typeof MOVE_STATUSES)[number];
export type CancelStatus = "pending" | "succeeded" | "partial" | "failed";

/** A booking groups the one or two legs booked together and owns the customer's tracking link. */
export const moveBookings = sqliteTable(
  "move_bookings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dealerId: text("dealer_id").notNull(),
    kind: text("kind", { enum: ["concierge-loaner", "concierge"] }).notNull(),
    customerAction: text("customer_action", { enum: ["pickup", "return"] }).notNull(),
    appointmentAt: at("appointment_at").notNull(),
    readyByAt: at("ready_by_at").notNull(),
    customerName: text("customer_name").notNull(),
    customerPhone: text("customer_phone").notNull(),
    trackingToken: text("tracking_token").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("move_bookings_tracking_unique").on(t.trackingToken),
    index("move_bookings_dealer_idx").on(t.dealerId, t.appointmentAt),
  ],
);

export const moves = sqliteTable(
  "moves",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dealerId: text("dealer_id").notNull(),
    bookingId: integer("booking_id")
      .notNull()
      .references(() => moveBookings.id),
    role: text("role", { enum: ["loaner", "customer"] }).notNull(),
    /** 1 = the leg that starts at the service center; 2 = the one after it. */
    leg: integer("leg").notNull(),
    referenceId: text("reference_id"),
    dealerContact: text("dealer_contact"),
    specialInstructions: text("special_instructions"),
    vehicle: text("vehicle", { mode: "json" }).$type<MoveVehicle>().notNull(),
    loanerId: text("loaner_id"),
    pickupLocationId: integer("pickup_location_id").notNull(),
    deliveryLocationId: integer("delivery_location_id").notNull(),
    laneId: integer("lane_id").notNull(),
    readyByAt: at("ready_by_at").notNull(),
    status: text("status", { enum: MOVE_STATUSES }),
    cancelStatus: text("cancel_status", { enum: ["pending", "succeeded", "partial", "failed"] }),
    driverName: text("driver_name"),
    dispatchedAt: at("dispatched_at"),
    pickupStarted: at("pickup_started"),
    pickupArrived: at("pickup_arrived"),
    pickupSuccessful: at("pickup_successful"),
    deliveryStarted: at("delivery_started"),
    deliveryArrived: at("delivery_arrived"),
    deliverySuccessful: at("delivery_successful"),
    pickupRecord: text("pickup_record", { mode: "json" }).$type<StepRecord>(),
    deliveryRecord: text("delivery_record", { mode: "json" }).$type<StepRecord>(),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    index("moves_dealer_idx").on(t.dealerId, t.readyByAt),
    index("moves_booking_idx").on(t.bookingId),
    index("moves_loaner_idx").on(t.loanerId),
  ],
);

export type Location = typeof locations.$inferSelect;
export type Lane = typeof lanes.$inferSelect;
export type Loaner = typeof loaners.$inferSelect;
export type LoanerHold = typeof loanerHolds.$inferSelect;
export type MoveBooking = typeof moveBookings.$inferSelect;
export type Move = typeof moves.$inferSelect;
