import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { writerReady } from "@/lib/platform/writer/writer";
import { payQuoteWithCard } from "@/lib/service-orders/service";
import { call, makeApiKey, makeDealer, useTempDatabase } from "@/lib/testing/harness";
import { POST as pay } from "../quotes/[id]/pay/route";
import { POST as createQuote } from "../quotes/route";
import { PATCH as patchOrder } from "../service-orders/[id]/route";
import { POST as createOrder } from "../service-orders/route";
import { POST as attach } from "./[id]/attach/route";
import { GET as invoice } from "./[id]/invoice/route";
import { GET as getDeal } from "./[id]/route";
import { POST as createDeal, GET as listDeals } from "./route";

const VIN = "1HGCM82633A004352";
let env: ReturnType<typeof useTempDatabase>;
let keyA: string;
let keyB: string;

beforeAll(async () => {
  env = useTempDatabase();
  keyA = makeApiKey(makeDealer("alpha").id);
  keyB = makeApiKey(makeDealer("beta").id);
  expect(await writerReady()).toBe(true);
});
afterAll(() => env.cleanup());

const newDeal = async (name: string, extra: Record<string, unknown> = {}, key = keyA) => {
  const res = await call(createDeal, { method: "POST", key, body: { customer: { name }, ...extra } });
  expect(res.status).toBe(201);
  return res.json;
};
/** A glass repair ($275) quote paid on account: its order is what moves with the quote. */
const paidGlassQuote = async () => {
  const q = await call(createQuote, {
    method: "POST",
    key: keyA,
    body: { type: "reconditioning", vin: VIN, items: ["glass"] },
  });
  const paid = await call(pay, {
    method: "POST",
    key: keyA,
    params: { id: q.json.id },
    body: { method: "account" },
  });
  return { quote: q.json, order: paid.json.order };
};
const attachTo = (dealId: string, body: unknown, key = keyA) =>
  call(attach, { method: "POST", key, params: { id: dealId }, body });
const totalOf = async (dealId: string) =>
  (await call(invoice, { key: keyA, params: { id: dealId } })).json.total;

describe("GET /api/v1/deals", () => {
  it("lists the dealer's deals newest first, searches by name or id, pages with a cursor", async () => {
    const a = await newDeal("Avery Stone");
    const b = await newDeal("Blake Rivers");
    const c = await newDeal("Casey Stone");
    await newDeal("Dana Other", {}, keyB);
    const all = await call(listDeals, { key: keyA, path: "/api/v1/deals" });
    expect(all.status).toBe(200);
    const ids = all.json.data.map((d: { id: string }) => d.id);
    expect(ids.slice(0, 3).sort()).toEqual([a.id, b.id, c.id].sort());
    const created = all.json.data.map((d: { createdAt: string }) => d.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect(all.json.data.some((d: { customer: { name: string } }) => d.customer.name === "Dana Other")).toBe(
      false,
    );
    expect(all.json.data.find((d: { id: string }) => d.id === c.id)).toMatchObject({
      customer: { name: "Casey Stone" },
      vehicle: null,
    });

    const stones = await call(listDeals, { key: keyA, path: "/api/v1/deals?q=stone" });
    expect(stones.json.data.map((d: { id: string }) => d.id).sort()).toEqual([c.id, a.id].sort());
    const byId = await call(listDeals, { key: keyA, path: `/api/v1/deals?q=${b.id}` });
    expect(byId.json.data.map((d: { id: string }) => d.id)).toEqual([b.id]);

    const first = await call(listDeals, { key: keyA, path: "/api/v1/deals?limit=2" });
    expect(first.json.data).toHaveLength(2);
    const second = await call(listDeals, {
      key: keyA,
      path: `/api/v1/deals?limit=2&cursor=${first.json.nextCursor}`,
    });
    expect([...first.json.data, second.json.data[0]].map((d: { id: string }) => d.id)).toEqual(
      ids.slice(0, 3),
    );
    expect((await call(listDeals, { key: keyA, path: "/api/v1/deals?limit=500" })).json.error.param).toBe(
      "limit",
    );
  });
});

describe("attaching never moves a charge off another deal", () => {
  it("refuses a quote whose order is on another deal (409 already_on_deal); both invoices stay as they were", async () => {
    const dealA = await newDeal("Deal A");
    const dealB = await newDeal("Deal B");
    const { quote, order } = await paidGlassQuote();
    expect((await attachTo(dealA.id, { orders: [order.id] })).status).toBe(200);
    expect(await totalOf(dealA.id)).toBe(275);

    const res = await attachTo(dealB.id, { quotes: [quote.id] });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ type: "conflict", code: "already_on_deal", param: "quotes" });
    expect(res.json.error.message).toContain(dealA.id);
    expect(await totalOf(dealA.id)).toBe(275);
    expect(await totalOf(dealB.id)).toBe(0);
  });

  it("refuses an order whose quote is on another deal, and a quote or order already on one", async () => {
    const dealA = await newDeal("Deal A2");
    const dealB = await newDeal("Deal B2");
    const { quote, order } = await paidGlassQuote();
    // Attaching the quote brings its order along.
    expect((await attachTo(dealA.id, { quotes: [quote.id] })).status).toBe(200);
    expect(await totalOf(dealA.id)).toBe(275);
    for (const body of [{ orders: [order.id] }, { quotes: [quote.id] }]) {
      const res = await attachTo(dealB.id, body);
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.json.error.code).toBe("already_on_deal");
    }
    const atCreation = await call(createDeal, {
      method: "POST",
      key: keyA,
      body: { customer: { name: "Deal C" }, orders: [order.id] },
    });
    expect(atCreation.status).toBe(409);
    expect(await totalOf(dealA.id)).toBe(275);
    expect(await totalOf(dealB.id)).toBe(0);
    // Attaching again to the same deal is harmless.
    expect((await attachTo(dealA.id, { quotes: [quote.id], orders: [order.id] })).status).toBe(200);
  });

  it("attaching an order brings its quote to the same deal", async () => {
    const deal = await newDeal("Deal D");
    const { quote, order } = await paidGlassQuote();
    expect((await attachTo(deal.id, { orders: [order.id] })).status).toBe(200);
    const detail = await call(getDeal, { key: keyA, params: { id: deal.id } });
    expect(detail.json).toMatchObject({ quotes: [quote.id], orders: [order.id] });
  });

  it("attaches quotes and orders at creation", async () => {
    const { quote, order } = await paidGlassQuote();
    const direct = await call(createOrder, {
      method: "POST",
      key: keyA,
      body: { type: "reconditioning", vin: VIN, items: ["brakes"] },
    });
    const deal = await newDeal("At creation", { quotes: [quote.id], orders: [direct.json.id] });
    const inv = await call(invoice, { key: keyA, params: { id: deal.id } });
    expect(inv.json.lines.map((l: { order: string }) => l.order).sort()).toEqual(
      [order.id, direct.json.id].sort(),
    );
    expect(inv.json.total).toBe(275 + 345);
  });
});

describe("idempotent deal creation", () => {
  it("replays the same deal for the same key and body, refuses another body", async () => {
    const headers = { "idempotency-key": "deal-key-1" };
    const body = { customer: { name: "Replay Ramos" } };
    const first = await call(createDeal, { method: "POST", key: keyA, body, headers });
    const again = await call(createDeal, { method: "POST", key: keyA, body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json.id).toBe(first.json.id);
    const names = (await call(listDeals, { key: keyA, path: "/api/v1/deals?q=Replay" })).json.data;
    expect(names).toHaveLength(1);
    const other = await call(createDeal, {
      method: "POST",
      key: keyA,
      body: { customer: { name: "Someone Else" } },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.json.error.type).toBe("idempotency_error");
  });
});

describe("invoice after a canceled paid order", () => {
  it("shows the canceled orders as refunded at $0, account-paid and card-paid alike", async () => {
    const deal = await newDeal("Refund Rae");
    const direct = await call(createOrder, {
      method: "POST",
      key: keyA,
      body: { type: "reconditioning", vin: VIN, items: ["brakes"], deal: deal.id },
    });
    const q = await call(createQuote, {
      method: "POST",
      key: keyA,
      body: { type: "reconditioning", vin: VIN, items: ["glass"], deal: deal.id },
    });
    const card = payQuoteWithCard(getDb(), q.json.checkoutLink.split("/").pop(), {
      cardName: "Rae",
      cardNumber: "4242 4242 4242 4242",
      cardExpiry: "01/40",
      cardCvc: "999",
    });
    const before = (await call(invoice, { key: keyA, params: { id: deal.id } })).json;
    expect(before).toMatchObject({ total: 345, paidSeparatelyTotal: 275, refundedTotal: 0 });
    for (const id of [direct.json.id, card.order.id]) {
      const res = await call(patchOrder, {
        method: "PATCH",
        key: keyA,
        params: { id },
        body: { status: "canceled", note: "Customer withdrew" },
      });
      expect(res.json).toMatchObject({ status: "canceled", paid: false, refunded: true });
    }
    const after = (await call(invoice, { key: keyA, params: { id: deal.id } })).json;
    expect(after).toMatchObject({ total: 0, paidSeparatelyTotal: 0, refundedTotal: 345 + 275 });
    expect(after.lines).toEqual([
      expect.objectContaining({ order: direct.json.id, refunded: true, amount: 0 }),
    ]);
    expect(after.paidSeparately).toEqual([
      expect.objectContaining({ order: card.order.id, refunded: true, amount: 0, quote: q.json.id }),
    ]);
  });
});
