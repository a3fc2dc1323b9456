import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { serviceOrders } from "@/db/schema";
import type { UserActor } from "@/lib/platform/actor";
import { testClock } from "@/lib/platform/clock";
import { findDealerBySlug } from "@/lib/platform/identity/dealers";
import { userActorByEmail } from "@/lib/platform/identity/user-actor";
import { APPROVE_CARD } from "@/lib/platform/test-cards";
import { vinCheckDigit } from "@/lib/platform/vin";
import { createDeal } from "./deals";
import {
  addCandidate,
  cancelQuote,
  createDirectOrder,
  createQuote,
  payQuoteOnAccount,
  payQuoteWithCard,
  updateOrder,
} from "./service";

/**
 * A demo dealership's recent service-order history, made through the same service functions staff
 * and integrators use (so every order has its real timeline, events, emails and payments), each
 * step at its own moment in the past. It gives the dashboard real figures to show: open orders in
 * every status, a delay, orders finished on time and late, a refund, a deal with its invoice, a
 * concierge search with candidates, and quotes awaiting payment, expired and canceled.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Step =
  | { at: number; status: "in-progress" | "completed"; note?: string }
  | { at: number; status: "delayed"; note: string; estimateIn: number }
  | { at: number; status: "canceled"; note: string };

interface DemoOrder {
  vin: string;
  stock: string;
  items: string[];
  contact?: { name: string; email: string; phone?: string };
  /** How long ago it was ordered. */
  ago: number;
  /** Paid through a quote by the customer's card, or placed directly on the dealer's account. */
  via: "card" | "account";
  steps: Step[];
  deal?: string;
}

/** A valid VIN from 16 characters: the check digit goes in position 9. */
function vin(first8: string, last8: string): string {
  const draft = `${first8}0${last8}`;
  return `${first8}${vinCheckDigit(draft)}${last8}`;
}

const RIVERSIDE_ORDERS: DemoOrder[] = [
  {
    vin: vin("1HGCV1F3", "LA021364"),
    stock: "R24-1187",
    items: ["wash-and-detail", "tires"],
    ago: 24 * DAY,
    via: "account",
    steps: [
      { at: 23 * DAY, status: "in-progress" },
      { at: 21 * DAY, status: "completed" },
    ],
  },
  {
    vin: vin("5YJ3E1EA", "KF317022"),
    stock: "R24-1203",
    items: ["body-and-paint", "paintless-dent-repair", "wash-and-detail"],
    contact: { name: "Jordan Miles", email: "jordan.miles@example.com", phone: "+18045550148" },
    ago: 12 * DAY,
    via: "card",
    steps: [
      { at: 11.5 * DAY, status: "in-progress" },
      {
        at: 10 * DAY,
        status: "delayed",
        note: "Waiting on a bumper cover from the supplier.",
        estimateIn: 4 * DAY,
      },
      { at: 7 * DAY, status: "in-progress", note: "Bumper cover arrived." },
      { at: 6 * DAY, status: "completed" },
    ],
    deal: "miles",
  },
  {
    vin: vin("1FTEW1EP", "MFA91255"),
    stock: "R24-1219",
    items: ["mechanical-repair", "brakes"],
    ago: 6 * DAY,
    via: "account",
    steps: [
      { at: 5.8 * DAY, status: "in-progress" },
      { at: 4.5 * DAY, status: "completed" },
    ],
  },
  {
    vin: vin("2T1BURHE", "JC034411"),
    stock: "R24-1231",
    items: ["full-detail", "interior-repair"],
    ago: 3 * DAY,
    via: "account",
    steps: [{ at: 2.9 * DAY, status: "canceled", note: "Vehicle sold wholesale before reconditioning." }],
  },
  {
    vin: vin("3VW2B7AJ", "HM208876"),
    stock: "R24-1240",
    items: ["glass", "wash-and-detail"],
    contact: { name: "Priya Natarajan", email: "priya.n@example.com" },
    ago: 2 * DAY,
    via: "card",
    steps: [
      { at: 1.8 * DAY, status: "in-progress" },
      {
        at: 1.2 * DAY,
        status: "delayed",
        note: "Windshield with the lane-assist camera bracket is on back-order.",
        estimateIn: 3 * DAY,
      },
    ],
  },
  {
    vin: vin("1C4RJFBG", "LC145590"),
    stock: "R24-1244",
    items: ["mechanical-repair", "tires", "wash-and-detail"],
    ago: 1.2 * DAY,
    via: "account",
    steps: [{ at: 1 * DAY, status: "in-progress" }],
    deal: "miles",
  },
  {
    vin: vin("WBA5R1C5", "KA882301"),
    stock: "R24-1251",
    items: ["wheel-repair", "wash-and-detail"],
    ago: 5 * HOUR,
    via: "account",
    steps: [],
  },
  {
    vin: vin("JTMW1RFV", "KD019923"),
    stock: "R24-1253",
    items: ["full-detail"],
    contact: { name: "Marcus Lee", email: "marcus.lee@example.com" },
    ago: 2 * HOUR,
    via: "card",
    steps: [],
  },
];

const BAYVIEW_ORDERS: DemoOrder[] = [
  {
    vin: vin("5NPE34AF", "LH044712"),
    stock: "B-7781",
    items: ["tires", "brakes"],
    ago: 9 * DAY,
    via: "account",
    steps: [
      { at: 8.7 * DAY, status: "in-progress" },
      { at: 8 * DAY, status: "completed" },
    ],
  },
  {
    vin: vin("1N4BL4BV", "LC120934"),
    stock: "B-7799",
    items: ["body-and-paint"],
    ago: 1.5 * DAY,
    via: "account",
    steps: [{ at: 1.2 * DAY, status: "in-progress" }],
  },
  {
    vin: vin("KM8J3CAL", "LU181244"),
    stock: "B-7802",
    items: ["wash-and-detail"],
    ago: 3 * HOUR,
    via: "account",
    steps: [],
  },
];

function placeOrder(db: Db, staff: UserActor, o: DemoOrder, dealId: string | undefined): string {
  const body = {
    type: "reconditioning",
    vin: o.vin,
    stock: o.stock,
    items: o.items,
    contact: o.contact,
    deal: dealId,
  };
  if (o.via === "account") return createDirectOrder(db, staff, body).id;
  const quote = createQuote(db, staff, body);
  // The customer pays a while later, and never later than the order's next step.
  testClock.advance(Math.min(3 * HOUR, (o.ago - (o.steps[0]?.at ?? 0)) / 2));
  const paid = payQuoteWithCard(db, quote.checkoutLink.split("/").pop()!, {
    cardName: o.contact?.name ?? "Demo Customer",
    cardNumber: APPROVE_CARD,
    cardExpiry: "12/30",
    cardCvc: "123",
  });
  return paid.order.id;
}

function seedDealer(db: Db, slug: string, orders: DemoOrder[]): number {
  const staff = userActorByEmail(db, `staff@${slug}.test`);
  const ops = userActorByEmail(db, "ops@forecourt.test");
  if (!staff || !ops) return 0;
  const start = Date.now();
  const at = (ago: number) => testClock.freeze(start - ago);
  let created = 0;

  at(13 * DAY);
  const deal =
    slug === "riverside"
      ? createDeal(db, staff, {
          customer: { name: "Jordan Miles", email: "jordan.miles@example.com", phone: "+18045550148" },
          vehicle: { year: 2022, make: "Jeep", model: "Grand Cherokee", stock: "R24-1244" },
        })
      : undefined;
  if (deal) created++;

  for (const o of orders) {
    at(o.ago);
    const orderId = placeOrder(db, staff, o, o.deal && deal ? deal.id : undefined);
    created++;
    for (const step of o.steps) {
      at(step.at);
      updateOrder(db, ops, orderId, {
        status: step.status,
        note: step.note,
        ...(step.status === "delayed"
          ? { estimatedTime: new Date(start - step.at + step.estimateIn).toISOString() }
          : {}),
      });
    }
  }
  if (slug !== "riverside") return created;

  // Quotes in each state a service advisor meets: fresh, expired unpaid, canceled.
  at(1 * DAY);
  createQuote(db, staff, {
    type: "reconditioning",
    vin: vin("1G1ZD5ST", "LF093307"),
    stock: "R24-1256",
    items: ["wash-and-detail", "paintless-dent-repair"],
    contact: { name: "Alex Chen", email: "alex.chen@example.com" },
    deal: deal?.id,
  });
  at(40 * DAY);
  createQuote(db, staff, {
    type: "reconditioning",
    vin: vin("1GCUYDED", "MZ271190"),
    items: ["full-detail"],
    contact: { name: "Dana Ortiz", email: "dana.ortiz@example.com" },
  });
  at(4 * DAY);
  const dropped = createQuote(db, staff, {
    type: "reconditioning",
    vin: vin("3GNAXUEV", "LS611548"),
    items: ["tires"],
  });
  at(3.5 * DAY);
  cancelQuote(db, staff, dropped.id, { reason: "Customer chose another shop." });
  created += 3;

  // A concierge search worked by ops: paid on account, candidates found, still open.
  at(2 * DAY);
  const search = createQuote(db, staff, {
    type: "concierge",
    services: ["search"],
    search: {
      newUsed: "Used",
      bodyStyle: "SUV",
      yearLower: 2020,
      yearUpper: 2024,
      mileageUpper: 45_000,
      exteriorColor: "White",
      driveTrain: "AWD",
      purchaseOption: "Finance",
      cashDown: 5_000,
      monthlyPayment: 650,
      firstName: "Taylor",
      lastName: "Brooks",
      email: "taylor.brooks@example.com",
      phone: "+18045550177",
      zipcode: "23220",
      comments: "Needs a third row for three kids; prefers Toyota or Honda.",
    },
  });
  at(1.9 * DAY);
  const { order: searchOrder } = payQuoteOnAccount(db, staff, search.id, { method: "account" });
  at(1.5 * DAY);
  updateOrder(db, ops, searchOrder.id, { status: "in-progress", note: "Search started." });
  at(1 * DAY);
  addCandidate(db, ops, searchOrder.id, {
    vin: vin("5TDYZRFH", "KS731864"),
    year: 2021,
    make: "Toyota",
    model: "Highlander",
    trim: "XLE AWD",
    mileage: 38_200,
    price: 33_950,
    location: "Fredericksburg, VA",
    notes: "One owner, clean history, new tires.",
  });
  at(0.7 * DAY);
  addCandidate(db, ops, searchOrder.id, {
    vin: vin("5FNYF6H5", "MB049127"),
    year: 2022,
    make: "Honda",
    model: "Pilot",
    trim: "EX-L AWD",
    mileage: 29_750,
    price: 36_400,
    location: "Charlottesville, VA",
  });
  created += 3;
  return created;
}

/** Seeds the demo dealers' service orders once (skipped when riverside already has an order). */
export function seedServiceOrdersDemo(db: Db): number {
  const riverside = findDealerBySlug(db, "riverside");
  if (!riverside) return 0;
  const any = db
    .select({ id: serviceOrders.id })
    .from(serviceOrders)
    .where(eq(serviceOrders.dealerId, riverside.id))
    .limit(1)
    .get();
  if (any) return 0;
  try {
    return seedDealer(db, "riverside", RIVERSIDE_ORDERS) + seedDealer(db, "bayview", BAYVIEW_ORDERS);
  } finally {
    testClock.reset();
  }
}
