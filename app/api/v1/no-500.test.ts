import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertOem } from "@/lib/checkout/oem-config";
import { insertApiKey } from "@/lib/platform/identity/api-keys";
import { call, makeApiKey, makeDealer, useTempDatabase } from "@/lib/testing/harness";
import { POST as cancelation } from "./cancelation/route";
import { POST as buyQuote } from "./candidates/[id]/buy-quote/route";
import { GET as getCart } from "./checkout-carts/[id]/route";
import { POST as checkoutCarts } from "./checkout-carts/route";
import { POST as conciergeLoaner } from "./concierge-loaner-moves/route";
import { POST as concierge } from "./concierge-moves/route";
import { GET as customers } from "./customers/route";
import { POST as attach } from "./deals/[id]/attach/route";
import { POST as deals } from "./deals/route";
import { GET as events } from "./events/route";
import { POST as loaners } from "./loaners/route";
import { PATCH as patchMove } from "./moves/[id]/route";
import { GET as getPart } from "./parts/[partId]/route";
import { POST as priceAvailability } from "./parts/price-availability/route";
import { GET as searchParts } from "./parts/route";
import { PATCH as patchPartsLine } from "./parts-orders/[id]/lines/[lineId]/route";
import { GET as getPartsOrder } from "./parts-orders/[id]/route";
import { GET as listPartsOrders, POST as partsOrders } from "./parts-orders/route";
import { GET as getPlacedOrder, PATCH as patchPlacedOrder } from "./placed-orders/[id]/route";
import { GET as listPlacedOrders } from "./placed-orders/route";
import { GET as products } from "./products/route";
import { POST as payQuote } from "./quotes/[id]/pay/route";
import { GET as listQuotes, POST as quotes } from "./quotes/route";
import { PATCH as patchOrder } from "./service-orders/[id]/route";
import { GET as listOrders, POST as orders } from "./service-orders/route";
import { GET as deliveries } from "./webhook-deliveries/route";
import { PATCH as patchWebhook } from "./webhooks/[id]/route";
import { POST as webhooks } from "./webhooks/route";

let env: ReturnType<typeof useTempDatabase>;
let key: string;
let oemKey: string;
beforeAll(() => {
  env = useTempDatabase();
  key = makeApiKey(makeDealer("alpha").id);
  const oem = insertOem(getDb(), { name: "Acme", oemKey: "acme" });
  oemKey = insertApiKey(getDb(), { dealerId: null, oemId: oem.id }, { name: "oem", scopes: ["*"] }, null).key;
});
afterAll(() => env.cleanup());

/** Bodies of every wrong shape an integration might send by mistake. */
const JUNK: unknown[] = [
  "",
  "null",
  "[]",
  "42",
  '"text"',
  "{not json",
  {},
  { type: 1, items: "x", vin: ["a"] },
  { appointment_time_utc: {}, customer_move: [], loaner_move: "x", customer_phone: 5 },
  { customer: { name: "" }, quotes: [1, 2], orders: { a: 1 } },
  { url: 12, events: "service.*", enabled: "yes" },
  { status: "completed", estimatedTime: 12, note: ["x"] },
  { move_id: "abc" },
  { method: null },
  { vehicle: "x", ready_by: "soon", reference_num: 5 },
  { a: "x".repeat(100_000) },
  { customerId: 5, parts: [{ partId: {}, quantity: "x" }], orderType: 1 },
  { customerId: "cust_x", parts: [{ part: null, quantity: 1, mandatoryVehicleReferences: "VIN" }] },
  { customerId: "cust_x", parts: Array(300).fill({ partId: "p", quantity: 1 }) },
  { action: ["pick"], alternativePartId: 3 },
  JSON.parse(`${"[".repeat(500)}${"]".repeat(500)}`),
];

const POSTS = {
  webhooks,
  quotes,
  orders,
  deals,
  conciergeLoaner,
  concierge,
  cancelation,
  loaners,
  partsOrders,
  priceAvailability,
};
const WITH_ID = { patchWebhook, payQuote, patchOrder, attach, buyQuote, patchMove, getPartsOrder };

describe("no input produces a 500", () => {
  it("POST bodies of every wrong shape get a 4xx with the error shape", async () => {
    for (const [name, handler] of Object.entries(POSTS)) {
      for (const body of JUNK) {
        const res = await call(handler, { method: "POST", key, body });
        expect(res.status, `${name} ${JSON.stringify(body).slice(0, 60)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${name} ${JSON.stringify(body).slice(0, 60)}`).toBeLessThan(500);
        expect(res.json.error.type).toEqual(expect.any(String));
      }
    }
  });

  it("ids of every wrong shape get a 4xx", async () => {
    for (const [name, handler] of Object.entries(WITH_ID)) {
      for (const id of ["", "x", "-1", "99999999999999999999", "../etc", "%00", "order_x"]) {
        const res = await call(handler, {
          method: name.startsWith("patch") ? "PATCH" : "POST",
          key,
          params: { id },
          body: { status: "completed" },
        });
        expect(res.status, `${name} ${id}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${name} ${id}`).toBeLessThan(500);
      }
    }
  });

  it("query strings of every wrong shape get a 4xx", async () => {
    for (const handler of [
      listQuotes,
      listOrders,
      deliveries,
      events,
      searchParts,
      listPartsOrders,
      customers,
    ]) {
      for (const q of [
        "limit=0",
        "limit=abc",
        "limit=1000",
        "cursor=%%%",
        "cursor=bm90LWEtY3Vyc29y",
        "status=lost",
        "from=yesterday",
        "page=-2",
        'query="*',
        "query=%22OR%20NEAR(a%20b)",
        "query=-",
        "query=a*b^c",
        "orderStatus=lost",
        "brandCode=%00",
        "cursor=dHx4eA",
      ]) {
        const res = await call(handler, { key, path: `/api/v1/x?${q}` });
        expect(res.status, q).toBeLessThan(500);
      }
    }
  });

  it("parts ids and line ids of every wrong shape get a 4xx", async () => {
    for (const id of ["", "x", "-1", "99999999999999999999", "../etc", "%00", "part_x", "porder_x"]) {
      const part = await call(getPart, { key, params: { partId: id } });
      expect(part.status, id).toBe(404);
      const line = await call(patchPartsLine, {
        method: "PATCH",
        key,
        params: { id, lineId: id },
        body: { action: "pick" },
      });
      expect(line.status, id).toBeGreaterThanOrEqual(400);
      expect(line.status, id).toBeLessThan(500);
    }
  });

  it("checkout routes answer junk from an OEM key and a dealer key with a 4xx", async () => {
    const cartJunk = [
      ...JUNK,
      { oemKey: "acme", variants: [{ variantConfigId: 5 }], cancelUrl: [], nativeDefaultCheckoutUrl: {} },
      { oemKey: "acme", items: { a: [null] }, placedOrderMetadata: "x", customLinkConfig: [] },
      { oemKey: "acme", customLinkConfig: { prefilledInfo: { shippingAddress: { zip: 5 } } }, variants: {} },
    ];
    for (const k of [oemKey, key]) {
      for (const body of cartJunk) {
        const res = await call(checkoutCarts, { method: "POST", key: k, body });
        expect(res.status, JSON.stringify(body).slice(0, 60)).toBeGreaterThanOrEqual(400);
        expect(res.status, JSON.stringify(body).slice(0, 60)).toBeLessThan(500);
      }
      for (const id of ["", "x", "../etc", "%00", "cart_x", "po_x", "x".repeat(5000)]) {
        for (const [handler, method] of [
          [getCart, "GET"],
          [getPlacedOrder, "GET"],
          [patchPlacedOrder, "PATCH"],
        ] as const) {
          const body = method === "PATCH" ? { fulfillmentStatus: "SHIPPED" } : undefined;
          const res = await call(handler, { method, key: k, params: { id }, body });
          expect(res.status, `${method} ${id.slice(0, 20)}`).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        }
      }
      for (const q of [
        "limit=0",
        "limit=abc",
        "cursor=%%%",
        "cursor=bm90LWEtY3Vyc29y",
        "fulfillmentStatus=LOST",
      ]) {
        expect((await call(listPlacedOrders, { key: k, path: `/api/v1/x?${q}` })).status, q).toBeLessThan(
          500,
        );
      }
      expect((await call(products, { key: k })).status).toBeLessThan(500);
    }
  });
});
