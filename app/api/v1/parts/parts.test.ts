import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { readPoolReady } from "@/lib/platform/read-pool/pool";
import { call, makeApiKey, makeDealer, useTempDatabase } from "@/lib/testing/harness";
import { addAccount, seedPartsFor } from "@/lib/testing/parts-fixtures";
import { GET as listCustomers } from "../customers/route";
import { GET as getPart } from "./[partId]/route";
import { GET as brands } from "./brands/route";
import { POST as priceAvailability } from "./price-availability/route";
import { GET as search } from "./route";

let env: ReturnType<typeof useTempDatabase>;
let keyA: string;
let keyB: string;
let readOnly: string;
let a: ReturnType<typeof seedPartsFor>;
let b: ReturnType<typeof seedPartsFor>;

beforeAll(async () => {
  env = useTempDatabase();
  const alpha = makeDealer("alpha");
  const beta = makeDealer("beta");
  a = seedPartsFor(getDb(), alpha.id, { count: 400 });
  b = seedPartsFor(getDb(), beta.id, { count: 100 });
  keyA = makeApiKey(alpha.id);
  keyB = makeApiKey(beta.id);
  readOnly = makeApiKey(alpha.id, ["orders.read"]);
  // Search and basket pricing run on a read pool worker in the server: test them that way.
  expect(await readPoolReady()).toBe(true);
});
afterAll(() => env.cleanup());

const get = (handler: typeof search, path: string, key = keyA, params?: Record<string, string>) =>
  call(handler, { key, path, params });

describe("GET /api/v1/customers", () => {
  it("lists the dealer's trade accounts with their rules, paginated", async () => {
    addAccount(getDb(), a.customer.dealerId, { companyName: "Second Garage", orderReferenceRequired: true });
    const res = await get(listCustomers, "/api/v1/customers?limit=1");
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(1);
    expect(res.json.data[0]).toMatchObject({
      customerId: expect.stringMatching(/^cust_/),
      accountNumber: expect.any(String),
      allowedOrderTypes: expect.any(Array),
      orderReferenceRequired: expect.any(Boolean),
      discounts: expect.any(Array),
    });
    const next = await get(listCustomers, `/api/v1/customers?limit=1&cursor=${res.json.nextCursor}`);
    expect(next.json.data[0].customerId).not.toBe(res.json.data[0].customerId);
    const ids = (await get(listCustomers, "/api/v1/customers", keyB)).json.data.map(
      (c: { customerId: string }) => c.customerId,
    );
    expect(ids).toEqual([b.customer.id]);
  });

  it("needs the customers.read scope and a key", async () => {
    expect((await get(listCustomers, "/api/v1/customers", readOnly)).status).toBe(403);
    expect((await call(listCustomers, { path: "/api/v1/customers" })).status).toBe(401);
  });
});

describe("GET /api/v1/parts/brands", () => {
  it("lists brand codes and names", async () => {
    const res = await get(brands, "/api/v1/parts/brands");
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual(expect.arrayContaining([{ brandCode: "MC", brandName: "Motorcraft" }]));
    expect(res.json.data.length).toBeGreaterThanOrEqual(3);
  });
});

describe("GET /api/v1/parts", () => {
  it("finds by code prefix ignoring case and separators", async () => {
    for (const q of ["FL-500S", "fl500s", "Fl 500"]) {
      const res = await get(search, `/api/v1/parts?query=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.json.data.map((p: { partCode: string }) => p.partCode)).toContain("FL-500S");
    }
  });

  it("finds by description words (every word, as prefixes) and filters by brand", async () => {
    const res = await get(search, "/api/v1/parts?query=brake%20pad%20FRONT&limit=100");
    expect(res.json.data.length).toBeGreaterThan(0);
    for (const p of res.json.data) expect(p.description.toLowerCase()).toMatch(/brake pad set, front/);
    const mc = await get(search, "/api/v1/parts?query=brake&brandCode=mc&limit=100");
    expect(mc.json.data.length).toBeGreaterThan(0);
    for (const p of mc.json.data) expect(p.brandCode).toBe("MC");
    expect((await get(search, "/api/v1/parts?query=zzqqxx")).json.data).toEqual([]);
  });

  it("points a superseded part to its replacement", async () => {
    const res = await get(search, "/api/v1/parts?query=FL-400S");
    const old = res.json.data.find((p: { partCode: string }) => p.partCode === "FL-400S");
    expect(old.superseded).toBe(true);
    expect(old.supersededBy).toMatchObject({ partCode: "FL-500S", supersessionDate: "2021-03-15" });
  });

  it("pages through every match exactly once, across code and word matches", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof get>> = await get(
        search,
        `/api/v1/parts?query=filter&limit=7${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.json.data.map((p: { partId: string }) => p.partId));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await get(search, "/api/v1/parts?query=filter&limit=100");
    expect(seen.length).toBeGreaterThanOrEqual(all.json.data.length);
  });

  it("never shows another dealer's parts and rejects bad parameters", async () => {
    const res = await get(search, "/api/v1/parts?query=FL-500S", keyB);
    const mine = res.json.data.find((p: { partCode: string }) => p.partCode === "FL-500S");
    expect(mine.partId).toBe(b.partId("FL-500S"));
    expect(mine.partId).not.toBe(a.partId("FL-500S"));
    for (const q of ["limit=0", "limit=101", "cursor=bm9wZQ", `query=${"x".repeat(101)}`]) {
      const bad = await get(search, `/api/v1/parts?${q}`);
      expect(bad.status, q).toBe(400);
      expect(bad.json.error.param).toBeDefined();
    }
  });
});

describe("GET /api/v1/parts/:partId", () => {
  it("shows details, stock, the supersession chain and alternatives", async () => {
    const res = await get(getPart, "/api/v1/parts/x", keyA, { partId: a.partId("FL-400S") });
    expect(res.status).toBe(200);
    expect(res.json.supersessionChain.map((p: { partCode: string }) => p.partCode)).toEqual([
      "FL-300S",
      "FL-400S",
      "FL-500S",
    ]);
    expect(res.json.latestPart.partCode).toBe("FL-500S");
    expect(res.json.alternativeParts[0]).toMatchObject({
      alternativeType: "SUPERSESSION",
      supersessionDate: "2021-03-15",
      parts: [expect.objectContaining({ partCode: "FL-500S" })],
    });
    const current = await get(getPart, "/api/v1/parts/x", keyA, { partId: a.partId("FL-500S") });
    expect(current.json.stock).toMatchObject({
      onHand: 48,
      availableStock: 48,
      isAvailableForBackOrder: true,
    });
    const alts = current.json.alternativeParts.find(
      (x: { alternativeType: string }) => x.alternativeType === "ALTERNATIVE",
    );
    expect(alts.parts.map((p: { partCode: string }) => p.partCode).sort()).toEqual(["BB5Z-6731-A", "PF63"]);
    expect(current.json.weight).toEqual({ value: 0.4, unit: "KG" });
  });

  it("answers 404 for another dealer's part and for nonsense ids", async () => {
    for (const id of [b.partId("FL-500S"), "part_nope", "", "../x"]) {
      const res = await get(getPart, "/api/v1/parts/x", keyA, { partId: id });
      expect(res.status, id).toBe(404);
    }
  });
});

describe("POST /api/v1/parts/price-availability", () => {
  const post = (body: unknown, key = keyA) => call(priceAvailability, { method: "POST", key, body });

  it("prices each line for the account: list, discount, surcharge, tax, stock, back-order, totals", async () => {
    const res = await post({
      customerId: a.customer.id,
      parts: [
        { partId: a.partId("FL-500S"), quantity: 2 },
        { partId: a.partId("BRF-1478"), quantity: 3 },
        { partId: a.partId("GL-8908"), quantity: 1 },
        { partId: a.partId("FL-400S"), quantity: 1 },
        { partId: a.partId("04465-0E010"), quantity: 1 },
      ],
    });
    expect(res.status).toBe(200);
    const [filter, pads, alternator, old, blocked] = res.json.parts;
    // Motorcraft: 20% for this account; list 12.99 -> 10.39 net, 5.3% tax.
    expect(filter.listPrice).toEqual({
      netValue: 12.99,
      grossValue: 13.68,
      taxValue: 0.69,
      taxRate: 5.3,
      currencyCode: "USD",
    });
    expect(filter.orderPrice.netValue).toBe(10.39);
    expect(filter.discountPercent).toBe(20);
    expect(filter.lineTotal).toMatchObject({ netValue: 20.78 });
    expect(filter).toMatchObject({ availableStock: 48, isBackOrder: false, backOrderQuantity: 0 });
    // One on the shelf, three wanted: two go on back-order with the part's lead time, and an alternative is offered.
    expect(pads).toMatchObject({
      availableStock: 1,
      quantityFromStock: 1,
      backOrderQuantity: 2,
      isBackOrder: true,
      leadTimeInDays: 5,
    });
    expect(Date.parse(pads.expectedDeliveryDate) - Date.now()).toBeGreaterThan(4.9 * 86_400_000);
    expect(pads.alternativeParts.map((p: { partCode: string }) => p.partCode)).toContain("17D1414CH");
    expect(alternator.surcharge).toMatchObject({ type: "CORE_CHARGE", netValue: 75 });
    expect(alternator.lineTotal.netValue).toBe(263.99 + 75);
    expect(old.supersededBy.partCode).toBe("FL-500S");
    expect(old.suggestedReplacement.partCode).toBe("FL-500S");
    expect(blocked).toMatchObject({
      salesBlocked: true,
      salesBlockedDescription: expect.stringMatching(/Recall/),
    });
    const sum = [filter, pads, alternator, old].reduce((s, l) => s + l.lineTotal.grossValue, 0);
    expect(res.json.totals.grossValue).toBeCloseTo(sum, 2);
    expect(res.json.totals).toMatchObject({ lineCount: 5, backOrderLineCount: 2, salesBlockedLineCount: 1 });
  });

  it("validates the basket with the field's path and 404s foreign ids", async () => {
    const line = { partId: a.partId("FL-500S"), quantity: 1 };
    const cases: [unknown, number, string][] = [
      [{ parts: [line] }, 400, "customerId"],
      [{ customerId: a.customer.id, parts: [] }, 400, "parts"],
      [{ customerId: a.customer.id, parts: Array(201).fill(line) }, 400, "parts"],
      [{ customerId: a.customer.id, parts: [{ ...line, quantity: 0 }] }, 400, "parts.0.quantity"],
      [{ customerId: a.customer.id, parts: [{ ...line, quantity: 1.5 }] }, 400, "parts.0.quantity"],
      [
        { customerId: a.customer.id, parts: [line, { partId: "part_nope", quantity: 1 }] },
        404,
        "parts.1.partId",
      ],
      [
        { customerId: a.customer.id, parts: [{ partId: b.partId("FL-500S"), quantity: 1 }] },
        404,
        "parts.0.partId",
      ],
      [{ customerId: b.customer.id, parts: [line] }, 404, "customerId"],
    ];
    for (const [body, status, param] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.json.error.param).toBe(param);
    }
    // 200 lines is allowed.
    expect((await post({ customerId: a.customer.id, parts: Array(200).fill(line) })).status).toBe(200);
  });
});
