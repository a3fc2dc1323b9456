import "server-only";
import type { Db } from "@/db/client";
import type { ApiKeyActor } from "@/lib/platform/actor";
import { systemActor } from "@/lib/platform/actor";
import { testClock } from "@/lib/platform/clock";
import { findDealerBySlug } from "@/lib/platform/identity/dealers";
import { loadCheckout, openCheckout, payCheckout, saveCheckoutStep, startCheckout } from "./checkout-flow";
import {
  findOemByKey,
  insertOem,
  writeAccessory,
  writeOemBrand,
  writeOemDealer,
  writeOemStates,
  writeProduct,
} from "./oem-config";
import { createCheckoutCart, updatePlacedOrder } from "./service";

export const DEMO_OEM = { name: "Aurora Motors", oemKey: "aurora" } as const;

const PRODUCTS = [
  {
    productId: "ELAN",
    name: "Aurora Elan",
    modelYear: 2026,
    basePrice: 42_900,
    brandKey: "aurora",
    accessories: [
      ["All-Weather Floor Mats", 220],
      ["Roof Rack", 540],
      ["Premium Sound", 1_150],
    ],
  },
  {
    productId: "RIDGE",
    name: "Aurora Ridge",
    modelYear: 2026,
    basePrice: 51_500,
    brandKey: "aurora",
    accessories: [
      ["Tow Package", 1_250],
      ["Panoramic Roof", 1_800],
      ["Third-Row Seat", 1_400],
    ],
  },
  {
    productId: "VOLT",
    name: "Aurora Volt",
    modelYear: 2026,
    basePrice: 33_900,
    brandKey: "aurora",
    accessories: [
      ["Home Charger", 899],
      ["Winter Package", 650],
    ],
  },
  {
    productId: "TERRA-X",
    name: "Aurora Terra X",
    modelYear: 2026,
    basePrice: 47_250,
    brandKey: "terra",
    accessories: [
      ["Bed Liner", 495],
      ["Tonneau Cover", 1_100],
      ["Off-Road Package", 2_400],
    ],
  },
] as const;

const DAY = 86_400_000;
const HOUR = 3_600_000;

const address = {
  VA: { street: "1200 W Broad St", city: "Richmond", state: "VA", zip: "23220" },
  NC: { street: "310 Fayetteville St", city: "Raleigh", state: "NC", zip: "27601" },
  CA: { street: "845 Market St", city: "San Diego", state: "CA", zip: "92101" },
} as const;

interface DemoCart {
  id: string;
  state: "VA" | "MD" | "NC" | "CA" | "WA" | "NV";
  source: string;
  variants: string[];
  createdAgo: number;
  openedAgo?: number;
  place?: {
    buyer: [string, string, string, string];
    option: "STANDARD_RESERVATION" | "CHECKOUT_FULL_PAYMENT" | "LOAN_DOWNPAYMENT";
    delivery: "PICK_UP" | "SHIP";
    fulfillment?: ("READY_TO_FULFILL" | "READY_FOR_PICK_UP" | "SHIPPED")[];
  };
  extra?: Record<string, unknown>;
}

const CARTS: DemoCart[] = [
  {
    id: "aurora-demo-001",
    state: "VA",
    source: "facebook",
    variants: ["ELAN-AllWeatherFloorMats-RoofRack"],
    createdAgo: 2 * DAY,
    openedAgo: 2 * DAY - 2 * HOUR,
    place: {
      buyer: ["Maya", "Chen", "maya.chen@example.com", "804-555-0110"],
      option: "CHECKOUT_FULL_PAYMENT",
      delivery: "PICK_UP",
      fulfillment: ["READY_TO_FULFILL"],
    },
    extra: {
      customLinkConfig: { checkoutPaymentOverride: "CHECKOUT_FULL_PAYMENT", fullPaymentDiscountPerc: 3 },
      placedOrderMetadata: { campaign: "spring-launch", utm: { source: "facebook", medium: "social" } },
      ecommUserId: "aur-user-1042",
      ecommOrderId: "aur-order-88231",
    },
  },
  {
    id: "aurora-demo-002",
    state: "MD",
    source: "google",
    variants: ["RIDGE-TowPackage"],
    createdAgo: 8 * DAY,
    openedAgo: 6 * DAY,
  },
  { id: "aurora-demo-003", state: "VA", source: "newsletter", variants: ["VOLT"], createdAgo: 1 * DAY },
  {
    id: "aurora-demo-004",
    state: "NC",
    source: "showroom",
    variants: ["TERRA-X-BedLiner-OffRoadPackage"],
    createdAgo: 5 * DAY,
    openedAgo: 5 * DAY - HOUR,
    place: {
      buyer: ["Dwayne", "Harris", "dwayne.harris@example.com", "919-555-0177"],
      option: "STANDARD_RESERVATION",
      delivery: "PICK_UP",
    },
    extra: {
      linkUseType: "SINGLE_USE",
      orderCreationType: "OEMORIGINATED",
      brandKey: "terra",
      customLinkConfig: { linkName: "Dwayne's Terra X", salespersonEmail: "sales@aurora.example" },
      placedOrderMetadata: { salesRep: "J. Ortiz" },
    },
  },
  {
    id: "aurora-demo-005",
    state: "CA",
    source: "instagram",
    variants: ["ELAN-PremiumSound", "VOLT-HomeCharger"],
    createdAgo: 3 * DAY,
    openedAgo: 3 * DAY - HOUR,
    place: {
      buyer: ["Sofia", "Ramirez", "sofia.ramirez@example.com", "619-555-0123"],
      option: "LOAN_DOWNPAYMENT",
      delivery: "SHIP",
      fulfillment: ["READY_TO_FULFILL", "SHIPPED"],
    },
    extra: {
      customLinkConfig: { checkoutPaymentOverride: "LOAN_DOWNPAYMENT", checkoutDownPaymentPerc: 15 },
      items: {
        "aurora-cap": [{ name: "Aurora Cap", price: 29 }],
        "key-fob-cover": [{ name: "Key Fob Cover", price: 19.5 }],
      },
      placedOrderMetadata: { campaign: "ev-weekend", referral: "friend" },
    },
  },
  {
    id: "aurora-demo-006",
    state: "CA",
    source: "instagram",
    variants: ["RIDGE-PanoramicRoof-ThirdRowSeat"],
    createdAgo: 5 * HOUR,
    openedAgo: 1 * HOUR,
  },
  {
    id: "aurora-demo-007",
    state: "WA",
    source: "google",
    variants: ["VOLT-WinterPackage"],
    createdAgo: 2 * HOUR,
  },
  {
    id: "aurora-demo-008",
    state: "NV",
    source: "facebook",
    variants: ["ELAN"],
    createdAgo: 10 * DAY,
    openedAgo: 9 * DAY,
  },
];

/** Aurora Motors with products, hosted checkout in some states, and carts at every funnel stage. */
export function seedCheckoutDemo(db: Db): number {
  if (findOemByKey(db, DEMO_OEM.oemKey)) return 0;
  const riverside = findDealerBySlug(db, "riverside");
  const bayview = findDealerBySlug(db, "bayview");
  if (!riverside || !bayview) return 0;
  const oem = insertOem(db, DEMO_OEM);
  writeOemBrand(db, oem.id, { brandKey: "aurora", name: "Aurora" });
  writeOemBrand(db, oem.id, { brandKey: "terra", name: "Aurora Terra" });
  // On in the two dealers' regions; off elsewhere (TX, NY, FL... go to Aurora's own checkout).
  writeOemStates(db, oem.id, { states: ["VA", "MD", "NC", "DE", "CA", "NV", "AZ", "OR", "WA"] });
  writeOemDealer(db, oem.id, { dealer: "riverside", states: ["VA", "MD", "NC", "DE"], isDefault: true });
  writeOemDealer(db, oem.id, { dealer: "bayview", states: ["CA", "NV", "AZ", "OR", "WA"] });
  for (const p of PRODUCTS) {
    writeProduct(db, oem.id, p);
    for (const [name, price] of p.accessories)
      writeAccessory(db, oem.id, { productId: p.productId, name, price });
  }

  const webShop: ApiKeyActor = {
    kind: "apiKey",
    keyId: "seed",
    dealerId: null,
    oemId: oem.id,
    role: null,
    scopes: ["*"],
    label: "Aurora web shop",
  };
  const start = Date.now();
  let created = 1;
  try {
    for (const c of CARTS) {
      testClock.freeze(start - c.createdAgo);
      const res = createCheckoutCart(db, webShop, {
        id: c.id,
        oemKey: oem.oemKey,
        registrationState: c.state,
        source: c.source,
        variants: c.variants.map((variantConfigId) => ({ variantConfigId })),
        cancelUrl: "https://shop.aurora.example/cart",
        nativeDefaultCheckoutUrl: "https://shop.aurora.example/checkout",
        ...c.extra,
      });
      created++;
      const token = res.checkoutCartId ? new URL(res.checkoutUrl).pathname.split("/").pop()! : null;
      if (!token || c.openedAgo === undefined) continue;
      testClock.freeze(start - c.openedAgo);
      openCheckout(db, token);
      if (!c.place) continue;
      const { secret } = startCheckout(db, token);
      const [firstName, lastName, email, phone] = c.place.buyer;
      const home = address[c.state as keyof typeof address];
      saveCheckoutStep(db, token, secret, "buyer", { firstName, lastName, email, phone });
      const dealerId = c.state === "CA" ? bayview.id : riverside.id;
      saveCheckoutStep(
        db,
        token,
        secret,
        "delivery",
        c.place.delivery === "SHIP"
          ? { method: "SHIP", shippingAddress: home }
          : { method: "PICK_UP", pickUpDealerId: dealerId },
      );
      saveCheckoutStep(db, token, secret, "registration", {
        type: "INDIVIDUAL",
        address: home,
        mailingSameAsRegistration: true,
      });
      saveCheckoutStep(db, token, secret, "payment", { option: c.place.option });
      testClock.advance(20 * 60_000);
      const shown = loadCheckout(db, token, secret);
      const { placedOrderId } = payCheckout(db, token, secret, {
        cardName: `${firstName} ${lastName}`,
        cardNumber: "4242 4242 4242 4242",
        cardExpiry: "12/34",
        cardCvc: "123",
        cartRevision: shown?.revision,
        shownDueNowCents: shown?.chosen?.amounts.dueNowCents,
      });
      const staff = systemActor(dealerId, c.state === "CA" ? "Ben Service" : "Sam Service");
      for (const status of c.place.fulfillment ?? []) {
        testClock.advance(6 * HOUR);
        updatePlacedOrder(db, staff, placedOrderId, { fulfillmentStatus: status });
      }
    }
  } finally {
    testClock.reset();
  }
  return created;
}
