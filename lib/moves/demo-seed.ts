import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loaners, moves } from "@/db/schema";
import type { UserActor } from "@/lib/platform/actor";
import { testClock } from "@/lib/platform/clock";
import { findDealerBySlug } from "@/lib/platform/identity/dealers";
import { userActorByEmail } from "@/lib/platform/identity/user-actor";
import { vinCheckDigit } from "@/lib/platform/vin";
import { createLoaner, setLoanerStatus } from "./fleet";
import { MOVE_STEPS, type MoveStep } from "./schema";
import { advanceMove, bookConcierge, bookConciergeLoaner, dispatchMove } from "./service";

/**
 * Each demo dealer's loaner fleet and a day of moves around the time the demo starts: a swap done
 * this morning, one under way, some still to come (today and tomorrow), and a customer-car-only
 * pickup. Made through the booking and driver service functions, so the boards, timelines, SMS
 * outbox, loaner holds and tracking pages are all real.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Place {
  name: string;
  address_one: string;
  city: string;
  state: string;
  zip: string;
}

interface DemoDealer {
  slug: string;
  serviceCenter: Place;
  fleet: {
    stock: string;
    year: string;
    make: string;
    model: string;
    color: string;
    outOfService?: boolean;
  }[];
  bookings: DemoBooking[];
}

interface DemoBooking {
  /** Appointment relative to the seed's start. */
  at: number;
  action: "pickup" | "return";
  customer: { name: string; phone: string };
  car: { year: string; make: string; model: string; color: string; stock?: string; vin?: string };
  home: Place;
  /** Fleet stock number; none books the customer's car only (`/v1/concierge-moves`). */
  loaner?: string;
  reference: string;
  /** How far the driver has got: the steps done, each `ago` before the start. */
  progress?: { driver: string; dispatchedAgo: number; steps: { step: MoveStep; ago: number }[] };
}

const vin = (first8: string, last8: string) => `${first8}${vinCheckDigit(`${first8}0${last8}`)}${last8}`;

/** Both legs driven, 25 minutes apart per step, ending `endAgo` before the start. */
function fullSwap(driver: string, endAgo: number): DemoBooking["progress"] {
  const steps = [...MOVE_STEPS, ...MOVE_STEPS].map((step, i) => ({
    step,
    ago: endAgo + (11 - i) * 25 * MINUTE,
  }));
  return { driver, dispatchedAgo: endAgo + 12 * 25 * MINUTE, steps };
}

/** The seed document's customer: his car is picked up this morning and brought back tonight. */
const HARRY = {
  customer: { name: "Harry Stevens", phone: "804-555-0134" },
  car: {
    year: "2011",
    make: "Buick",
    model: "Enclave",
    color: "White",
    stock: "BK0018",
    vin: "5GAKRBED5BJ262438",
  },
  home: { name: "Home", address_one: "210 S Mulberry St", city: "Richmond", state: "VA", zip: "23220" },
  loaner: "LOAN01",
  reference: "RO# 12345",
};

const DEALERS: DemoDealer[] = [
  {
    slug: "riverside",
    serviceCenter: {
      name: "Riverside Motors Service",
      address_one: "8700 W Broad St",
      city: "Richmond",
      state: "VA",
      zip: "23294",
    },
    fleet: [
      { stock: "LOAN01", year: "2024", make: "Honda", model: "Civic", color: "Silver" },
      { stock: "LOAN02", year: "2024", make: "Toyota", model: "Camry", color: "White" },
      { stock: "LOAN03", year: "2023", make: "Hyundai", model: "Tucson", color: "Blue" },
      { stock: "LOAN04", year: "2024", make: "Nissan", model: "Rogue", color: "Gray", outOfService: true },
      { stock: "LOAN05", year: "2025", make: "Honda", model: "HR-V", color: "Red" },
    ],
    bookings: [
      {
        at: -5 * HOUR,
        action: "pickup",
        ...HARRY,
        progress: fullSwap("Marcus Hill", 4 * HOUR),
      },
      {
        at: 90 * MINUTE,
        action: "pickup",
        customer: { name: "Angela Ruiz", phone: "804-555-0191" },
        car: {
          year: "2019",
          make: "Honda",
          model: "Pilot",
          color: "Black",
          vin: vin("5FNYF6H5", "KB031147"),
        },
        home: { name: "Office", address_one: "1001 E Broad St", city: "Richmond", state: "VA", zip: "23219" },
        loaner: "LOAN02",
        reference: "RO# 12388",
        progress: {
          driver: "Keisha Grant",
          dispatchedAgo: 40 * MINUTE,
          steps: [
            { step: "pickup started", ago: 25 * MINUTE },
            { step: "pickup arrived", ago: 5 * MINUTE },
          ],
        },
      },
      {
        at: 4 * HOUR,
        action: "return",
        ...HARRY,
      },
      {
        at: 6 * HOUR,
        action: "pickup",
        customer: { name: "Tom Becker", phone: "804-555-0166" },
        car: { year: "2017", make: "Ford", model: "F-150", color: "Red", vin: vin("1FTEW1EG", "HFA22871") },
        home: { name: "Home", address_one: "3400 Grove Ave", city: "Richmond", state: "VA", zip: "23221" },
        reference: "RO# 12402",
      },
      {
        at: DAY + 2 * HOUR,
        action: "pickup",
        customer: { name: "Mei Tanaka", phone: "804-555-0122" },
        car: {
          year: "2020",
          make: "Subaru",
          model: "Outback",
          color: "Green",
          vin: vin("4S4BTAFC", "L3194420"),
        },
        home: { name: "Home", address_one: "12 N Mooreland Rd", city: "Richmond", state: "VA", zip: "23229" },
        loaner: "LOAN03",
        reference: "RO# 12410",
      },
    ],
  },
  {
    slug: "bayview",
    serviceCenter: {
      name: "Bayview Auto Group Service",
      address_one: "5500 Kearny Mesa Rd",
      city: "San Diego",
      state: "CA",
      zip: "92111",
    },
    fleet: [
      { stock: "BV-L1", year: "2024", make: "Kia", model: "Sportage", color: "White" },
      { stock: "BV-L2", year: "2024", make: "Toyota", model: "Corolla", color: "Black" },
    ],
    bookings: [
      {
        at: 3 * HOUR,
        action: "pickup",
        customer: { name: "Luis Ortega", phone: "619-555-0148" },
        car: {
          year: "2018",
          make: "Toyota",
          model: "Tacoma",
          color: "Gray",
          vin: vin("3TMCZ5AN", "JM120934"),
        },
        home: { name: "Home", address_one: "4155 Ocean Blvd", city: "San Diego", state: "CA", zip: "92109" },
        loaner: "BV-L1",
        reference: "RO# 7781",
      },
    ],
  },
];

const utc = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

function book(db: Db, staff: UserActor, d: DemoDealer, b: DemoBooking, appointmentMs: number) {
  const customerMove = {
    reference_id: b.reference,
    dealer_contact: staff.label,
    special_instructions: b.action === "pickup" ? "Keys with the customer." : "Call on arrival.",
    vehicle: { ...b.car, manual: false },
    pickup_location: b.home,
  };
  const request = {
    appointment_time_utc: utc(appointmentMs),
    customer_name: b.customer.name,
    customer_phone: b.customer.phone,
    customer_action: b.action,
  };
  if (!b.loaner)
    return bookConcierge(db, staff, {
      ...request,
      customer_move: customerMove,
      delivery_location: d.serviceCenter,
    });
  return bookConciergeLoaner(db, staff, {
    ...request,
    customer_move: customerMove,
    loaner_move: {
      dealer_contact: staff.label,
      special_instructions: "Loaner washed and fuelled.",
      vehicle: { stock: b.loaner },
      pickup_location: d.serviceCenter,
    },
  });
}

function seedDealer(db: Db, d: DemoDealer, start: number, staff: UserActor, ops: UserActor): number {
  let created = 0;
  testClock.freeze(start - 3 * DAY);
  for (const l of d.fleet) {
    const { outOfService, ...vehicle } = l;
    const loaner = createLoaner(db, staff, vehicle);
    if (outOfService) setLoanerStatus(db, staff, loaner.id, { status: "out_of_service" });
    created++;
  }
  // Everything is booked first (two days ahead, as dealers do: an appointment must be in the future
  // when booked), then the drivers' steps happen in the last hours, so the clock only moves forward.
  const booked = d.bookings.map((b) => {
    const appointment = start + b.at;
    testClock.freeze(Math.min(start, appointment) - 2 * DAY);
    created++;
    const answer = book(db, staff, d, b, appointment) as { customer_move: { move_id: number } };
    return { b, bookingId: bookingOf(db, answer.customer_move.move_id) };
  });
  for (const { b, bookingId } of booked) {
    if (!b.progress) continue;
    const legs = db
      .select({ id: moves.id })
      .from(moves)
      .where(eq(moves.bookingId, bookingId))
      .orderBy(asc(moves.leg))
      .all();
    testClock.freeze(start - b.progress.dispatchedAgo);
    for (const leg of legs) dispatchMove(db, ops, leg.id, { driver_name: b.progress.driver });
    b.progress.steps.forEach(({ step, ago }, i) => {
      testClock.freeze(start - ago);
      const handover = step.endsWith("successful")
        ? { odometer: 24_000 + i * 4, fuel_level: "3/4" as const, signer_name: b.customer.name }
        : {};
      advanceMove(db, ops, legs[i < 6 ? 0 : 1].id, { step, ...handover });
    });
  }
  return created;
}

function bookingOf(db: Db, moveId: number): number {
  return db.select({ bookingId: moves.bookingId }).from(moves).where(eq(moves.id, moveId)).get()!.bookingId;
}

/** Seeds the fleets and moves once (skipped when riverside already has a loaner). */
export function seedMovesDemo(db: Db): number {
  const riverside = findDealerBySlug(db, "riverside");
  const ops = userActorByEmail(db, "ops@forecourt.test");
  if (!riverside || !ops) return 0;
  if (db.select({ id: loaners.id }).from(loaners).where(eq(loaners.dealerId, riverside.id)).limit(1).get())
    return 0;
  const start = Date.now();
  let created = 0;
  try {
    for (const d of DEALERS) {
      const staff = userActorByEmail(db, `staff@${d.slug}.test`);
      if (staff && findDealerBySlug(db, d.slug)) created += seedDealer(db, d, start, staff, ops);
    }
  } finally {
    testClock.reset();
  }
  return created;
}
