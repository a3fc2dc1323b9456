import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { priceAvailability, searchParts } from "@/lib/parts/queries";
import { authenticateApiKey } from "@/lib/platform/identity/api-keys";
import { makeApiKey, makeDealer, useTempDatabase } from "@/lib/testing/harness";
import { seedPartsFor } from "@/lib/testing/parts-fixtures";
import type { ApiKeyActor } from "../actor";
import { testClock } from "../clock";
import { isAppError } from "../errors";
import { JsonText } from "../http/json-text";
import { killReadPoolWorker, readPoolReady, readPoolStats, runRead } from "./pool";

let env: ReturnType<typeof useTempDatabase>;
let alpha: ApiKeyActor;
let beta: ApiKeyActor;
let parts: ReturnType<typeof seedPartsFor>;

beforeAll(async () => {
  env = useTempDatabase();
  const a = makeDealer("alpha");
  parts = seedPartsFor(getDb(), a.id, { count: 200 });
  seedPartsFor(getDb(), makeDealer("beta").id, { count: 50 });
  alpha = authenticateApiKey(getDb(), `Bearer ${makeApiKey(a.id)}`);
  beta = authenticateApiKey(getDb(), `Bearer ${makeApiKey(makeDealer("gamma").id)}`);
  expect(await readPoolReady()).toBe(true);
});
afterAll(() => {
  testClock.reset();
  env.cleanup();
});

const viaPool = async (...args: Parameters<typeof runRead>) => {
  const answer = await runRead(...args);
  expect(answer).toBeInstanceOf(JsonText);
  return JSON.parse((answer as JsonText).text);
};

describe("read pool", () => {
  it("answers exactly what the main thread would, from the worker's own connection", async () => {
    const db = getDb();
    const query = { query: "filter", limit: "5" };
    expect(await viaPool(db, "parts.search", alpha, query)).toEqual(
      JSON.parse(JSON.stringify(searchParts(db, alpha, query))),
    );
    const basket = {
      customerId: parts.customer.id,
      parts: [{ partId: parts.partId("FL-500S"), quantity: 2 }],
    };
    expect(await viaPool(db, "parts.priceAvailability", alpha, basket)).toEqual(
      JSON.parse(JSON.stringify(priceAvailability(db, alpha, basket))),
    );
  });

  it("sees committed changes at once", async () => {
    parts.setStock("FL-500S", 7);
    const found = await viaPool(getDb(), "parts.search", alpha, { query: "FL-500S" });
    expect(found.data[0]).toMatchObject({ partCode: "FL-500S", availableStock: 7 });
  });

  it("answers as of the main thread's clock", async () => {
    testClock.freeze(new Date("2031-05-05T10:00:00Z"));
    parts.setStock("FL-500S", 0, { backOrderable: true });
    const basket = {
      customerId: parts.customer.id,
      parts: [{ partId: parts.partId("FL-500S"), quantity: 1 }],
    };
    const priced = await viaPool(getDb(), "parts.priceAvailability", alpha, basket);
    expect(priced.parts[0].expectedDeliveryDate).toMatch(/^2031-05-/);
    testClock.reset();
  });

  it("rebuilds the service's errors: bad input and another dealer's account", async () => {
    const db = getDb();
    const bad = await Promise.resolve(runRead(db, "parts.search", alpha, { limit: "0" })).catch((e) => e);
    expect(isAppError(bad) && { status: bad.status, param: bad.param }).toEqual({
      status: 400,
      param: "limit",
    });
    const basket = {
      customerId: parts.customer.id,
      parts: [{ partId: parts.partId("FL-500S"), quantity: 1 }],
    };
    const foreign = await Promise.resolve(runRead(db, "parts.priceAvailability", beta, basket)).catch(
      (e) => e,
    );
    expect(isAppError(foreign) && foreign.status).toBe(404);
  });

  it("hands a dead worker's requests back to the main thread, then starts another", async () => {
    const db = getDb();
    const inFlight = runRead(db, "parts.search", alpha, { query: "brake", limit: "3" });
    await killReadPoolWorker();
    const answer = await inFlight;
    const data =
      answer instanceof JsonText ? JSON.parse(answer.text).data : (answer as { data: unknown[] }).data;
    expect(data).toHaveLength(3);
    expect(await readPoolReady()).toBe(true);
    expect(readPoolStats()?.ready).toBeGreaterThan(0);
  });
});
