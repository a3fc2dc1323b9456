import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, payments, serviceOrders, timelineEntries } from "@/db/schema";
import type { UserActor } from "@/lib/platform/actor";
import { testClock } from "@/lib/platform/clock";
import { writerReady } from "@/lib/platform/writer/writer";
import { getQuoteForPayment } from "@/lib/service-orders/queries";
import { addCandidate, payQuoteWithCard } from "@/lib/service-orders/service";
import { call, makeApiKey, makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { POST as buyQuote } from "../candidates/[id]/buy-quote/route";
import { GET as invoice } from "../deals/[id]/invoice/route";
import { POST as createDeal } from "../deals/route";
import { POST as cancel } from "./[id]/cancel/route";
import { POST as pay } from "./[id]/pay/route";
import { GET as getQuote } from "./[id]/route";
import { POST as createQuote, GET as listQuotes } from "./route";

const VIN = "1HGCM82633A004352";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CARD = { cardName: "Pat Buyer", cardExpiry: "12/39", cardCvc: "123" };
let env: ReturnType<typeof useTempDatabase>;
let keyA: string;
let keyB: string;
let readOnlyA: string;
let ops: UserActor;

beforeAll(async () => {
  env = useTempDatabase();
  const a = makeDealer("alpha").id;
  keyA = makeApiKey(a);
  keyB = makeApiKey(makeDealer("beta").id);
  readOnlyA = makeApiKey(a, ["quotes.read"]);
  ops = (await makeUser(null, "ops")).actor;
  expect(await writerReady()).toBe(true);
});
afterEach(() => testClock.reset());
afterAll(() => env.cleanup());

const recon = (extra: Record<string, unknown> = {}) => ({
  type: "reconditioning",
  vin: VIN,
  // 3 h + 72 h of standard durations.
  items: ["wash-and-detail", "body-and-paint"],
  ...extra,
});
const newQuote = async (body: unknown = recon()) => {
  const res = await call(createQuote, { method: "POST", key: keyA, body });
  expect(res.status).toBe(201);
  return res.json;
};
const read = (id: string, key = keyA) => call(getQuote, { key, params: { id } });
const payOnAccount = (id: string, key = keyA, headers?: Record<string, string>) =>
  call(pay, { method: "POST", key, params: { id }, body: { method: "account" }, headers });
const cancelQuote = (id: string, body: unknown = {}, key = keyA) =>
  call(cancel, { method: "POST", key, params: { id }, body });
const tokenOf = (q: { checkoutLink: string }) => q.checkoutLink.split("/").pop() as string;
const paymentsOf = (quoteId: string) =>
  getDb().select().from(payments).where(eq(payments.quoteId, quoteId)).all();
const listIds = async (query: string) =>
  (await call(listQuotes, { key: keyA, path: `/api/v1/quotes?${query}` })).json.data.map(
    (q: { id: string }) => q.id,
  );

describe("the quote's estimate means 'if paid now' (Flow 1)", () => {
  it("moves with the clock until paid, then the order starts with exactly that estimate", async () => {
    testClock.freeze(Date.now());
    const q = await newQuote();
    const created = Date.parse(q.estimatedTime);
    testClock.advance(5 * HOUR);
    const later = await read(q.id);
    expect(Date.parse(later.json.estimatedTime) - created).toBe(5 * HOUR);
    const paid = await payOnAccount(q.id);
    expect(paid.status).toBe(200);
    expect(paid.json.order.estimatedTime).toBe(later.json.estimatedTime);
    expect(paid.json.order.originalEstimatedTime).toBe(later.json.estimatedTime);
    expect(paid.json.quote.estimatedTime).toBe(later.json.estimatedTime);
    // Once paid, the quote keeps the estimate its order was given.
    testClock.advance(10 * HOUR);
    expect((await read(q.id)).json.estimatedTime).toBe(later.json.estimatedTime);
  });
});

describe("expiry", () => {
  it("derives expired when reading, lists and filters it, and refuses payment without charging", async () => {
    testClock.freeze(Date.now());
    const q = await newQuote();
    expect(await listIds("status=awaiting-payment")).toContain(q.id);
    testClock.advance(30 * DAY + 1);
    const res = await read(q.id);
    expect(res.json).toMatchObject({ status: "expired", paid: false, estimatedTime: null });
    expect(await listIds("status=expired")).toContain(q.id);
    expect(await listIds("status=awaiting-payment")).not.toContain(q.id);

    const onAccount = await payOnAccount(q.id);
    expect(onAccount.status).toBe(409);
    expect(onAccount.json.error.code).toBe("quote_not_payable");
    expect(() =>
      payQuoteWithCard(getDb(), tokenOf(q), { ...CARD, cardNumber: "4000 0000 0000 0002" }),
    ).toThrow(/no longer be paid \(expired\)/);
    expect(paymentsOf(q.id)).toHaveLength(0);
    expect(getQuoteForPayment(getDb(), tokenOf(q))?.quote.status).toBe("expired");
  });

  it("lists an expired quote on the deal's invoice as expired, not awaiting payment", async () => {
    testClock.freeze(Date.now());
    const deal = await call(createDeal, { method: "POST", key: keyA, body: { customer: { name: "Kim" } } });
    const q = await newQuote(recon({ deal: deal.json.id }));
    const before = await call(invoice, { key: keyA, params: { id: deal.json.id } });
    expect(before.json.awaitingPayment.map((x: { quote: string }) => x.quote)).toEqual([q.id]);
    testClock.advance(31 * DAY);
    const after = await call(invoice, { key: keyA, params: { id: deal.json.id } });
    expect(after.json.awaitingPayment).toEqual([]);
    expect(after.json.expiredOrCanceled).toEqual([
      { quote: q.id, type: "reconditioning", total: 475, status: "expired" },
    ]);
    expect(after.json.total).toBe(0);
  });
});

describe("POST /api/v1/quotes/:id/cancel", () => {
  it("cancels an unpaid quote with its reason, timeline entry and event; the pay link then refuses", async () => {
    const q = await newQuote();
    const res = await cancelQuote(q.id, { reason: "Customer went elsewhere" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: q.id,
      status: "canceled",
      cancelReason: "Customer went elsewhere",
      estimatedTime: null,
    });
    expect(res.json.canceledAt).toMatch(/Z$/);
    const timeline = getDb()
      .select()
      .from(timelineEntries)
      .where(and(eq(timelineEntries.subjectType, "quote"), eq(timelineEntries.subjectId, q.id)))
      .all();
    expect(timeline.at(-1)).toMatchObject({
      fromStatus: "awaiting-payment",
      toStatus: "canceled",
      note: "Quote canceled: Customer went elsewhere",
    });
    const names = getDb()
      .select()
      .from(events)
      .where(eq(events.subjectId, q.id))
      .all()
      .map((e) => e.type);
    expect(names).toEqual(["quote.created", "quote.canceled"]);
    expect(getQuoteForPayment(getDb(), tokenOf(q))?.quote.status).toBe("canceled");
    expect(await listIds("status=canceled")).toContain(q.id);

    const paid = await payOnAccount(q.id);
    expect(paid.status).toBe(409);
    expect(paid.json.error.code).toBe("quote_not_payable");
    expect(() =>
      payQuoteWithCard(getDb(), tokenOf(q), { ...CARD, cardNumber: "4242 4242 4242 4242" }),
    ).toThrow(/canceled/);
    expect(paymentsOf(q.id)).toHaveLength(0);
    const again = await cancelQuote(q.id);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("quote_canceled");
  });

  it("a reason is optional; a paid quote cannot be canceled; bad input and other dealers change nothing", async () => {
    const plain = await cancelQuote((await newQuote()).id);
    expect(plain.json).toMatchObject({ status: "canceled", cancelReason: null });

    const q = await newQuote();
    await payOnAccount(q.id);
    const paid = await cancelQuote(q.id, { reason: "too late" });
    expect(paid.status).toBe(409);
    expect(paid.json.error.code).toBe("quote_already_paid");

    const open = await newQuote();
    const bad = await cancelQuote(open.id, { reason: 42 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.param).toBe("reason");
    expect((await cancelQuote(open.id, {}, keyB)).status).toBe(404);
    expect((await cancelQuote(open.id, {}, readOnlyA)).status).toBe(403);
    expect((await cancelQuote("quote_nope")).status).toBe(404);
    expect((await read(open.id)).json.status).toBe("awaiting-payment");
  });

  it("a canceled buy quote frees its candidate for a new quote", async () => {
    const search = await newQuote({
      type: "concierge",
      services: ["search"],
      search: { firstName: "Ana", lastName: "Diaz", email: "ana@example.test", zipcode: "23220" },
    });
    const order = (await payOnAccount(search.id)).json.order;
    const cand = addCandidate(getDb(), ops, order.id, {
      vin: "5YJ3E1EA2KF317000",
      year: 2019,
      make: "Tesla",
      model: "Model 3",
      mileage: 42000,
      price: 28500,
      location: "Norfolk, VA",
    });
    const address = { deliveryAddress: { street: "9 Oak Ave", city: "Richmond", state: "VA", zip: "23220" } };
    const first = await call(buyQuote, { method: "POST", key: keyA, params: { id: cand.id }, body: address });
    expect(first.status).toBe(201);
    expect(
      (await call(buyQuote, { method: "POST", key: keyA, params: { id: cand.id }, body: address })).status,
    ).toBe(409);
    await cancelQuote(first.json.id, { reason: "Wrong address" });
    const second = await call(buyQuote, {
      method: "POST",
      key: keyA,
      params: { id: cand.id },
      body: address,
    });
    expect(second.status).toBe(201);
    expect(second.json.id).not.toBe(first.json.id);
  });
});

describe("paying twice", () => {
  it("several concurrent payments of one quote: exactly one succeeds and one order exists", async () => {
    const q = await newQuote();
    const results = await Promise.all(Array.from({ length: 6 }, () => payOnAccount(q.id)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.json.error.code).toBe("quote_already_paid");
    const orders = getDb().select().from(serviceOrders).where(eq(serviceOrders.quoteId, q.id)).all();
    expect(orders).toHaveLength(1);
    expect(paymentsOf(q.id).filter((p) => p.status === "succeeded")).toHaveLength(1);
  });

  it("the database itself refuses a second order for one quote", async () => {
    const q = await newQuote();
    const { order } = (await payOnAccount(q.id)).json;
    const row = getDb().select().from(serviceOrders).where(eq(serviceOrders.id, order.id)).get()!;
    expect(() =>
      getDb()
        .insert(serviceOrders)
        .values({ ...row, id: "order_duplicate", receiptToken: "another-token" })
        .run(),
    ).toThrow(/UNIQUE constraint failed: service_orders\.quote_id/);
  });

  it("replays an idempotent pay: the same order, no second charge", async () => {
    const q = await newQuote();
    const headers = { "idempotency-key": `pay-${q.id}` };
    const first = await payOnAccount(q.id, keyA, headers);
    const replay = await payOnAccount(q.id, keyA, headers);
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json.order.id).toBe(first.json.order.id);
    expect(paymentsOf(q.id)).toHaveLength(1);
  });
});
