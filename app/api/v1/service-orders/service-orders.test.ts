import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, notifications, payments, serviceOrders } from "@/db/schema";
import type { UserActor } from "@/lib/platform/actor";
import { testClock } from "@/lib/platform/clock";
import { writerReady } from "@/lib/platform/writer/writer";
import { addCandidate, createDirectOrder, payQuoteWithCard } from "@/lib/service-orders/service";
import { call, makeApiKey, makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { POST as buyQuote } from "../candidates/[id]/buy-quote/route";
import { POST as attach } from "../deals/[id]/attach/route";
import { GET as invoice } from "../deals/[id]/invoice/route";
import { GET as getDeal } from "../deals/[id]/route";
import { POST as createDeal } from "../deals/route";
import { POST as pay } from "../quotes/[id]/pay/route";
import { GET as getQuote } from "../quotes/[id]/route";
import { POST as createQuote, GET as listQuotes } from "../quotes/route";
import { GET as catalog } from "../service-catalog/route";
import { GET as candidates } from "./[id]/candidates/route";
import { GET as getOrder, PATCH } from "./[id]/route";
import { POST as createOrder, GET as listOrders } from "./route";

const VIN = "1HGCM82633A004352";
const VIN2 = "5YJ3E1EA2KF317000";
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
  readOnlyA = makeApiKey(a, ["quotes.read", "service_orders.read"]);
  ops = (await makeUser(null, "ops")).actor;
  // Writes go through the writer thread, as they do in the server.
  expect(await writerReady()).toBe(true);
});
afterAll(() => env.cleanup());

const recon = (extra: Record<string, unknown> = {}) => ({
  type: "reconditioning",
  vin: VIN,
  items: ["body-and-paint", "wash-and-detail"],
  contact: { name: "Pat Buyer", email: "pat@example.test", phone: "+1 804 555 0100" },
  ...extra,
});
const newQuote = (body: unknown = recon(), key = keyA) => call(createQuote, { method: "POST", key, body });
const paidOrder = async (body: unknown = recon()) => {
  const q = await newQuote(body);
  const p = await call(pay, {
    method: "POST",
    key: keyA,
    params: { id: q.json.id },
    body: { method: "account" },
  });
  return p.json.order;
};
const patch = (id: string, body: unknown, key = keyA) =>
  call(PATCH, { method: "PATCH", key, params: { id }, body });
const eventsFor = (orderId: string) =>
  getDb()
    .select()
    .from(events)
    .where(and(eq(events.subjectType, "service_order"), eq(events.subjectId, orderId)))
    .all()
    .map((e) => e.type);

describe("service catalog", () => {
  it("lists services with price and duration", async () => {
    const res = await call(catalog, { key: keyA });
    expect(res.json.data.find((c: { code: string }) => c.code === "body-and-paint")).toMatchObject({
      price: 350,
      kind: "reconditioning",
    });
  });
});

describe("quotes", () => {
  it("prices a reconditioning quote: total = sum of items, pay link, estimate from durations", async () => {
    const res = await newQuote();
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      type: "reconditioning",
      status: "awaiting-payment",
      paid: false,
      total: 475,
      deal: null,
    });
    expect(res.json.items).toEqual([
      expect.objectContaining({ service: "body-and-paint", price: 350, quantity: 1 }),
      expect.objectContaining({ service: "wash-and-detail", price: 125, quantity: 1 }),
    ]);
    expect(res.json.checkoutLink).toMatch(/^http:\/\/localhost\/pay\/[\w-]{32}$/);
    const hours = (Date.parse(res.json.estimatedTime) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(74.9);
    expect(hours).toBeLessThan(75.1);
    expect((await call(getQuote, { key: keyA, params: { id: res.json.id } })).json.id).toBe(res.json.id);
  });

  it("prices concierge search and buy quotes", async () => {
    const search = await newQuote({
      type: "concierge",
      services: ["search"],
      search: {
        firstName: "Ana",
        lastName: "Diaz",
        email: "ana@example.test",
        zipcode: "23220",
        yearLower: 2019,
        yearUpper: 2023,
        bodyStyle: "SUV",
      },
    });
    expect(search.status).toBe(201);
    expect(search.json).toMatchObject({
      services: ["search"],
      total: 299,
      contact: { email: "ana@example.test" },
    });
    const buy = await newQuote({
      type: "concierge",
      services: ["buy"],
      vehicle: { vin: VIN2, year: 2019, make: "Tesla", model: "Model 3", price: 31500 },
      deliveryAddress: { street: "1 Main St", city: "Richmond", state: "va", zip: "23220" },
    });
    expect(buy.status).toBe(201);
    expect(buy.json.total).toBe(31999);
  });

  it("rejects bad input with a param and creates nothing", async () => {
    const before = (await call(listQuotes, { key: keyA })).json.data.length;
    const cases: [unknown, string, string?][] = [
      [recon({ vin: "1HGCM82643A004352" }), "vin", "vin_invalid"],
      [recon({ vin: undefined }), "vin", "field_missing"],
      [recon({ items: ["unicorn-polish"] }), "items.0"],
      [recon({ items: [] }), "items"],
      [recon({ deal: "nope" }), "deal"],
      [recon({ contact: { email: "not-an-email" } }), "contact.email"],
      [{ type: "concierge", services: ["search"] }, "search", "field_missing"],
      [
        {
          type: "concierge",
          services: ["search"],
          search: {
            firstName: "A",
            lastName: "B",
            email: "a@b.co",
            zipcode: "23220",
            yearLower: 2024,
            yearUpper: 2020,
          },
        },
        "search.yearUpper",
      ],
      [
        {
          type: "concierge",
          services: ["search"],
          search: { firstName: "A", lastName: "B", email: "a@b.co", zipcode: "23220", cashDown: -5 },
        },
        "search.cashDown",
      ],
      [
        {
          type: "concierge",
          services: ["buy"],
          vehicle: { year: 2020, make: "Ford", model: "F-150", price: 100 },
        },
        "deliveryAddress",
        "field_missing",
      ],
      [{ type: "concierge", services: ["lease"] }, "services.0"],
      [{ type: "spaceship" }, "type"],
    ];
    for (const [body, param, code] of cases) {
      const res = await newQuote(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.param, JSON.stringify(body)).toBe(param);
      if (code) expect(res.json.error.code).toBe(code);
    }
    const unknownDeal = await newQuote(recon({ deal: "deal_doesnotexist" }));
    expect(unknownDeal.status).toBe(404);
    expect(unknownDeal.json.error.param).toBe("deal");
    expect((await call(listQuotes, { key: keyA })).json.data.length).toBe(before);
  });

  it("replays an idempotent POST", async () => {
    const headers = { "idempotency-key": "quote-1" };
    const a = await call(createQuote, { method: "POST", key: keyA, body: recon(), headers });
    const b = await call(createQuote, { method: "POST", key: keyA, body: recon(), headers });
    expect(b.json.id).toBe(a.json.id);
  });
});

describe("payment", () => {
  it("paying on account creates a pending order with the quote's items; paying twice is a 409", async () => {
    const q = await newQuote();
    const res = await call(pay, {
      method: "POST",
      key: keyA,
      params: { id: q.json.id },
      body: { method: "account" },
    });
    expect(res.status).toBe(200);
    expect(res.json.quote).toMatchObject({ status: "paid", paid: true, order: res.json.order.id });
    expect(res.json.order).toMatchObject({
      status: "pending",
      total: 475,
      paid: true,
      type: "reconditioning",
      vin: VIN,
    });
    const again = await call(pay, {
      method: "POST",
      key: keyA,
      params: { id: q.json.id },
      body: { method: "account" },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("quote_already_paid");
    expect(eventsFor(res.json.order.id)).toEqual(["service.created"]);
    const mail = getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.subjectId, res.json.order.id))
      .all();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ channel: "email", to: "pat@example.test" });
  });

  it("a declined test card says so and changes nothing; the approved card pays", async () => {
    const q = await newQuote();
    const token = q.json.checkoutLink.split("/").pop();
    const card = { cardName: "Pat Buyer", cardExpiry: "12/39", cardCvc: "123" };
    expect(() => payQuoteWithCard(getDb(), token, { ...card, cardNumber: "4000 0000 0000 0002" })).toThrow(
      /declined/,
    );
    expect(() => payQuoteWithCard(getDb(), token, { ...card, cardNumber: "4242 4242 4242 4241" })).toThrow(
      /not valid/,
    );
    expect((await call(getQuote, { key: keyA, params: { id: q.json.id } })).json.status).toBe(
      "awaiting-payment",
    );
    const paid = payQuoteWithCard(getDb(), token, { ...card, cardNumber: "4242 4242 4242 4242" });
    expect(paid.order.status).toBe("pending");
    expect(paid.order.paymentMethod).toBe("card");
    expect(() => payQuoteWithCard(getDb(), token, { ...card, cardNumber: "4242 4242 4242 4242" })).toThrow(
      /already been paid/,
    );
  });

  it("needs a method", async () => {
    const q = await newQuote();
    const res = await call(pay, {
      method: "POST",
      key: keyA,
      params: { id: q.json.id },
      body: { method: "cash" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.param).toBe("method");
  });
});

describe("lifecycle", () => {
  it("pending -> in-progress -> delayed -> in-progress -> completed, with history and events", async () => {
    const order = await paidOrder();
    const eta = new Date(Date.now() + 5 * 86_400_000).toISOString();
    expect((await patch(order.id, { status: "in-progress", note: "Vehicle picked up" })).json.status).toBe(
      "in-progress",
    );
    const delayed = await patch(order.id, {
      status: "delayed",
      note: "Waiting for paint",
      estimatedTime: eta,
    });
    expect(delayed.json).toMatchObject({
      status: "delayed",
      statusReason: "Waiting for paint",
      estimatedTime: eta,
    });
    expect((await patch(order.id, { status: "in-progress" })).json.status).toBe("in-progress");
    expect((await patch(order.id, { status: "completed" })).json.status).toBe("completed");
    const res = await call(getOrder, { key: keyA, params: { id: order.id } });
    expect(res.json.history.map((h: { status: string }) => h.status)).toEqual([
      "pending",
      "in-progress",
      "delayed",
      "in-progress",
      "completed",
    ]);
    expect(res.json.history[2]).toMatchObject({ note: "Waiting for paint", estimatedTime: eta });
    expect(eventsFor(order.id)).toEqual([
      "service.created",
      "service.updated",
      "service.updated",
      "service.updated",
      "service.completed",
    ]);
    const mail = getDb().select().from(notifications).where(eq(notifications.subjectId, order.id)).all();
    expect(mail.map((m) => m.subject)).toEqual([
      expect.stringMatching(/booked/),
      expect.stringMatching(/delayed/),
      expect.stringMatching(/complete/),
    ]);
  });

  it("refuses illegal moves with 409 and missing reasons with 400, changing nothing", async () => {
    const order = await paidOrder();
    expect((await patch(order.id, { status: "completed" })).status).toBe(409);
    expect(
      (await patch(order.id, { status: "delayed", estimatedTime: new Date().toISOString() })).json.error
        .param,
    ).toBe("note");
    expect((await patch(order.id, { status: "delayed", note: "x" })).json.error.param).toBe("estimatedTime");
    expect((await patch(order.id, { status: "canceled" })).json.error.param).toBe("note");
    expect((await patch(order.id, {})).status).toBe(400);
    expect((await patch(order.id, { status: "pending" })).status).toBe(400);
    expect((await patch(order.id, { status: "canceled", note: "Customer sold the car" })).json.status).toBe(
      "canceled",
    );
    const res = await patch(order.id, { status: "in-progress" });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ type: "conflict", code: "invalid_transition" });
    expect((await call(getOrder, { key: keyA, params: { id: order.id } })).json.status).toBe("canceled");
  });

  it("needs service_orders.write", async () => {
    const order = await paidOrder();
    const res = await patch(order.id, { status: "in-progress" }, readOnlyA);
    expect(res.status).toBe(403);
  });

  it("changes only the ETA when no status is sent", async () => {
    const order = await paidOrder();
    const eta = new Date(Date.now() + 9 * 86_400_000).toISOString();
    const res = await patch(order.id, { estimatedTime: eta });
    expect(res.json).toMatchObject({ status: "pending", estimatedTime: eta });
    expect(eventsFor(order.id)).toEqual(["service.created", "service.updated"]);
  });
});

describe("direct orders and lists", () => {
  it("places a reconditioning order paid on account", async () => {
    const res = await call(createOrder, {
      method: "POST",
      key: keyA,
      body: { type: "reconditioning", vin: VIN2, stock: "STK-42", items: ["tires"] },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      status: "pending",
      paymentMethod: "account",
      total: 720,
      stock: "STK-42",
    });
    expect(
      (
        await call(createOrder, {
          method: "POST",
          key: keyA,
          body: { type: "reconditioning", vin: VIN2, items: [] },
        })
      ).status,
    ).toBe(400);
  });

  it("filters by status and searches by id, VIN and stock, with a cursor", async () => {
    const byStock = await call(listOrders, { key: keyA, path: "/api/v1/service-orders?q=STK-42" });
    expect(byStock.json.data).toHaveLength(1);
    const byVin = await call(listOrders, {
      key: keyA,
      path: `/api/v1/service-orders?q=${VIN2.slice(0, 8).toLowerCase()}`,
    });
    expect(byVin.json.data.every((o: { vin: string }) => o.vin === VIN2)).toBe(true);
    const completed = await call(listOrders, { key: keyA, path: "/api/v1/service-orders?status=completed" });
    expect(completed.json.data.every((o: { status: string }) => o.status === "completed")).toBe(true);
    const first = await call(listOrders, { key: keyA, path: "/api/v1/service-orders?limit=2" });
    expect(first.json.data).toHaveLength(2);
    const second = await call(listOrders, {
      key: keyA,
      path: `/api/v1/service-orders?limit=2&cursor=${first.json.nextCursor}`,
    });
    expect(second.json.data[0].id).not.toBe(first.json.data[0].id);
    expect((await call(listOrders, { key: keyA, path: "/api/v1/service-orders?status=lost" })).status).toBe(
      400,
    );
  });
});

describe("estimates and lifecycle edges", () => {
  it("refuses a new estimate that is not later than now, for a delay and for an ETA change", async () => {
    const order = await paidOrder();
    await patch(order.id, { status: "in-progress" });
    const past = new Date(Date.now() - 60_000).toISOString();
    const delay = await patch(order.id, { status: "delayed", note: "Parts", estimatedTime: past });
    expect(delay.status).toBe(400);
    expect(delay.json.error).toMatchObject({ param: "estimatedTime", code: "estimate_in_past" });
    const eta = await patch(order.id, { estimatedTime: past });
    expect(eta.status).toBe(400);
    expect(eta.json.error.param).toBe("estimatedTime");
    const res = await call(getOrder, { key: keyA, params: { id: order.id } });
    expect(res.json).toMatchObject({ status: "in-progress", estimatedTime: order.estimatedTime });
  });

  it("keeps the first promised estimate when a delay moves the estimate", async () => {
    const order = await paidOrder();
    await patch(order.id, { status: "in-progress" });
    const eta = new Date(Date.now() + 9 * 86_400_000).toISOString();
    const delayed = await patch(order.id, { status: "delayed", note: "Paint", estimatedTime: eta });
    expect(delayed.json).toMatchObject({ estimatedTime: eta, originalEstimatedTime: order.estimatedTime });
  });

  it("nothing leaves completed; a delayed order resumes before it completes", async () => {
    const order = await paidOrder();
    await patch(order.id, { status: "in-progress" });
    const eta = new Date(Date.now() + 86_400_000).toISOString();
    await patch(order.id, { status: "delayed", note: "Parts", estimatedTime: eta });
    const early = await patch(order.id, { status: "completed" });
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({ code: "invalid_transition", param: "status" });
    await patch(order.id, { status: "in-progress" });
    await patch(order.id, { status: "completed" });
    for (const body of [
      { status: "canceled", note: "Too late" },
      { status: "in-progress" },
      { status: "delayed", note: "x", estimatedTime: eta },
      { estimatedTime: eta },
    ]) {
      const res = await patch(order.id, body);
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.json.error.code).toBe("invalid_transition");
    }
    const row = getDb().select().from(serviceOrders).where(eq(serviceOrders.id, order.id)).get();
    expect(row).toMatchObject({ status: "completed", refundedAt: null });
  });

  it("canceling a paid order refunds its payment, on account or by card, and says so", async () => {
    const onAccount = await paidOrder();
    const q = await newQuote(recon({ items: ["glass"] }));
    const byCard = payQuoteWithCard(getDb(), q.json.checkoutLink.split("/").pop(), {
      cardName: "Pat",
      cardNumber: "4242 4242 4242 4242",
      cardExpiry: "01/40",
      cardCvc: "999",
    }).order;
    for (const order of [onAccount, byCard]) {
      expect(order).toMatchObject({ paid: true, refunded: false, refundedAt: null });
      const res = await patch(order.id, { status: "canceled", note: "Customer sold the car" });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ status: "canceled", paid: false, refunded: true });
      expect(res.json.refundedAt).toBe(res.json.canceledAt);
      const row = getDb().select().from(serviceOrders).where(eq(serviceOrders.id, order.id)).get()!;
      const payment = getDb().select().from(payments).where(eq(payments.id, row.paymentId!)).get()!;
      expect(payment).toMatchObject({ status: "refunded", amountCents: row.totalCents });
      expect(payment.refundId).toMatch(/^re_/);
      expect(payment.refundedAt?.toISOString()).toBe(res.json.refundedAt);
      const history = (await call(getOrder, { key: keyA, params: { id: order.id } })).json.history;
      expect(history.at(-1).note).toMatch(/^Customer sold the car\. Refunded \$\d/);
      const mail = getDb().select().from(notifications).where(eq(notifications.subjectId, order.id)).all();
      expect(mail.at(-1)?.body).toMatch(/has been refunded to the (card|dealer's account)/);
    }
  });
});

describe("list filters and search", () => {
  const NY_EVENING = Date.parse("2025-06-09T23:30:00-04:00"); // 03:30 UTC on the 10th
  let lateOrder: string;
  let concierge: string;
  let dealOrder: string;
  let deal: string;

  beforeAll(async () => {
    // Orders created at known moments; alpha's dealer is in America/New_York.
    testClock.freeze(NY_EVENING);
    lateOrder = (
      await call(createOrder, {
        method: "POST",
        key: keyA,
        body: { type: "reconditioning", vin: "2HGFA16588H123456", stock: "Lot-7a", items: ["glass"] },
      })
    ).json.id;
    testClock.freeze(Date.parse("2025-06-10T14:00:00-04:00"));
    concierge = (
      await paidOrder({
        type: "concierge",
        services: ["search"],
        search: { firstName: "Ana", lastName: "Diaz", email: "ana@example.test", zipcode: "23220" },
      })
    ).id;
    deal = (await call(createDeal, { method: "POST", key: keyA, body: { customer: { name: "Filter Fay" } } }))
      .json.id;
    dealOrder = (
      await call(createOrder, {
        method: "POST",
        key: keyA,
        body: { type: "reconditioning", vin: VIN, items: ["tires"], deal },
      })
    ).json.id;
    testClock.reset();
  });

  const ids = async (query: string) => {
    const res = await call(listOrders, { key: keyA, path: `/api/v1/service-orders?limit=100&${query}` });
    expect(res.status, query).toBe(200);
    return res.json.data.map((o: { id: string }) => o.id) as string[];
  };

  it("reads from/to as days in the dealer's time zone", async () => {
    // 23:30 on the 9th in New York is already the 10th in UTC.
    expect(await ids("from=2025-06-09&to=2025-06-09")).toEqual([lateOrder]);
    const tenth = await ids("from=2025-06-10&to=2025-06-10");
    expect(tenth.sort()).toEqual([concierge, dealOrder].sort());
    expect(await ids("to=2025-06-08")).toEqual([]);
  });

  it("refuses impossible dates with a param", async () => {
    for (const [query, param] of [
      ["from=2026-13-45", "from"],
      ["to=2026-02-30", "to"],
      ["from=03/10/2026", "from"],
    ]) {
      const res = await call(listOrders, { key: keyA, path: `/api/v1/service-orders?${query}` });
      expect(res.status, query).toBe(400);
      expect(res.json.error.param).toBe(param);
    }
  });

  it("filters by type and by deal", async () => {
    const concierges = await ids("type=concierge");
    expect(concierges).toContain(concierge);
    expect(concierges).not.toContain(lateOrder);
    expect(await ids(`deal=${deal}`)).toEqual([dealOrder]);
    expect(await ids("type=concierge&from=2025-06-10&to=2025-06-10")).toEqual([concierge]);
    expect((await call(listOrders, { key: keyA, path: "/api/v1/service-orders?type=lease" })).status).toBe(
      400,
    );
  });

  it("finds a VIN by its last characters and a stock number in any case or part", async () => {
    expect(await ids("q=123456")).toEqual([lateOrder]);
    expect(await ids("q=8h123456")).toEqual([lateOrder]);
    expect(await ids("q=lot-7A")).toEqual([lateOrder]);
    expect(await ids("q=LOT")).toEqual([lateOrder]);
    expect(await ids(`q=${lateOrder}`)).toEqual([lateOrder]);
    expect(await ids("q=%25")).toEqual([]);
  });

  it("sorts by soonest estimate on request, with a cursor", async () => {
    const all = await call(listOrders, { key: keyA, path: "/api/v1/service-orders?sort=estimate&limit=100" });
    const times = all.json.data.map((o: { estimatedTime: string }) => o.estimatedTime);
    expect([...times].sort()).toEqual(times);
    const first = await call(listOrders, { key: keyA, path: "/api/v1/service-orders?sort=estimate&limit=3" });
    const next = await call(listOrders, {
      key: keyA,
      path: `/api/v1/service-orders?sort=estimate&limit=3&cursor=${first.json.nextCursor}`,
    });
    expect([...first.json.data, ...next.json.data].map((o: { id: string }) => o.id)).toEqual(
      all.json.data.slice(0, 6).map((o: { id: string }) => o.id),
    );
  });
});

describe("placing orders twice", () => {
  it("replays an idempotent direct order", async () => {
    const headers = { "idempotency-key": "direct-1" };
    const body = { type: "reconditioning", vin: VIN2, items: ["glass"] };
    const first = await call(createOrder, { method: "POST", key: keyA, body, headers });
    const again = await call(createOrder, { method: "POST", key: keyA, body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json.id).toBe(first.json.id);
  });

  it("a form's request token places one order however often it is submitted", async () => {
    const staff = (await makeUser(getDb().select().from(serviceOrders).get()!.dealerId, "staff")).actor;
    const input = { type: "reconditioning", vin: VIN2, items: ["tires"] };
    const token = "form-token-abc-123";
    const a = createDirectOrder(getDb(), staff, input, { requestToken: token });
    const b = createDirectOrder(getDb(), staff, input, { requestToken: token });
    expect(b.id).toBe(a.id);
    const c = createDirectOrder(getDb(), staff, input, { requestToken: "another-render-token" });
    expect(c.id).not.toBe(a.id);
    const rows = getDb().select().from(serviceOrders).where(eq(serviceOrders.requestToken, token)).all();
    expect(rows).toHaveLength(1);
    const charges = getDb().select().from(payments).where(eq(payments.id, rows[0].paymentId!)).all();
    expect(charges).toHaveLength(1);
  });
});

describe("concierge search candidates", () => {
  it("ops attach candidates; staff turn one into a buy quote in one step", async () => {
    const order = await paidOrder({
      type: "concierge",
      services: ["search"],
      search: { firstName: "Ana", lastName: "Diaz", email: "ana@example.test", zipcode: "23220" },
    });
    const cand = addCandidate(getDb(), ops, order.id, {
      vin: VIN2,
      year: 2019,
      make: "Tesla",
      model: "Model 3",
      mileage: 42000,
      price: 28500,
      location: "Norfolk, VA",
    });
    const list = await call(candidates, { key: keyA, params: { id: order.id } });
    expect(list.json.data).toEqual([expect.objectContaining({ id: cand.id, price: 28500 })]);
    const res = await call(buyQuote, {
      method: "POST",
      key: keyA,
      params: { id: cand.id },
      body: { deliveryAddress: { street: "9 Oak Ave", city: "Richmond", state: "VA", zip: "23220" } },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      type: "concierge",
      services: ["buy"],
      total: 28999,
      vin: VIN2,
      contact: { email: "ana@example.test" },
    });
    const twice = await call(buyQuote, {
      method: "POST",
      key: keyA,
      params: { id: cand.id },
      body: { deliveryAddress: { street: "9 Oak Ave", city: "Richmond", state: "VA", zip: "23220" } },
    });
    expect(twice.status).toBe(409);
  });
});

describe("deals and invoices", () => {
  it("rolls account-paid orders into the total and lists card-paid ones as paid separately", async () => {
    const deal = await call(createDeal, {
      method: "POST",
      key: keyA,
      body: {
        customer: { name: "Pat Buyer", email: "pat@example.test" },
        vehicle: { vin: VIN, make: "Honda", model: "Accord" },
      },
    });
    expect(deal.status).toBe(201);
    const direct = await call(createOrder, {
      method: "POST",
      key: keyA,
      body: { type: "reconditioning", vin: VIN, items: ["brakes"], deal: deal.json.id },
    });
    const onAccount = await paidOrder(recon({ deal: deal.json.id }));
    const cardQuote = await newQuote(recon({ items: ["glass"] }));
    payQuoteWithCard(getDb(), cardQuote.json.checkoutLink.split("/").pop(), {
      cardName: "P",
      cardNumber: "4242424242424242",
      cardExpiry: "01/40",
      cardCvc: "999",
    });
    const attached = await call(attach, {
      method: "POST",
      key: keyA,
      params: { id: deal.json.id },
      body: { quotes: [cardQuote.json.id] },
    });
    expect(attached.status).toBe(200);
    const inv = await call(invoice, { key: keyA, params: { id: deal.json.id } });
    expect(inv.json.lines.map((l: { order: string }) => l.order).sort()).toEqual(
      [direct.json.id, onAccount.id].sort(),
    );
    expect(inv.json.total).toBe(345 + 475);
    expect(inv.json.paidSeparately).toHaveLength(1);
    expect(inv.json.paidSeparatelyTotal).toBe(275);
    await patch(direct.json.id, { status: "canceled", note: "Not needed" });
    expect((await call(invoice, { key: keyA, params: { id: deal.json.id } })).json.total).toBe(475);
    const detail = await call(getDeal, { key: keyA, params: { id: deal.json.id } });
    expect(detail.json.quotes).toContain(cardQuote.json.id);
  });
});

describe("another dealer", () => {
  it("gets 404 on every quote, order, deal and candidate id of dealer A", async () => {
    const q = await newQuote();
    const order = await paidOrder();
    const deal = await call(createDeal, {
      method: "POST",
      key: keyA,
      body: { customer: { name: "A's customer" } },
    });
    const searchOrder = await paidOrder({
      type: "concierge",
      services: ["search"],
      search: { firstName: "A", lastName: "B", email: "a@b.co", zipcode: "23220" },
    });
    const cand = addCandidate(getDb(), ops, searchOrder.id, {
      vin: VIN2,
      year: 2020,
      make: "Kia",
      model: "Soul",
      mileage: 1,
      price: 1,
      location: "X",
    });
    const results = [
      await call(getQuote, { key: keyB, params: { id: q.json.id } }),
      await call(pay, { method: "POST", key: keyB, params: { id: q.json.id }, body: { method: "account" } }),
      await call(getOrder, { key: keyB, params: { id: order.id } }),
      await patch(order.id, { status: "in-progress" }, keyB),
      await call(candidates, { key: keyB, params: { id: searchOrder.id } }),
      await call(buyQuote, {
        method: "POST",
        key: keyB,
        params: { id: cand.id },
        body: { deliveryAddress: { street: "1 A", city: "B", state: "VA", zip: "23220" } },
      }),
      await call(getDeal, { key: keyB, params: { id: deal.json.id } }),
      await call(invoice, { key: keyB, params: { id: deal.json.id } }),
      await call(attach, {
        method: "POST",
        key: keyB,
        params: { id: deal.json.id },
        body: { orders: [order.id] },
      }),
    ];
    for (const r of results) expect(r.status).toBe(404);
    const ownDeal = await call(createDeal, {
      method: "POST",
      key: keyB,
      body: { customer: { name: "B's" }, orders: [order.id] },
    });
    expect(ownDeal.status).toBe(404);
    expect(ownDeal.json.error.param).toBe("orders");
    const listB = await call(listOrders, { key: keyB });
    expect(listB.json.data.find((o: { id: string }) => o.id === order.id)).toBeUndefined();
    const row = getDb().select().from(serviceOrders).where(eq(serviceOrders.id, order.id)).get();
    expect(row?.status).toBe("pending");
  });
});
