import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { quotes, webhookDeliveries } from "@/db/schema";
import { authenticateApiKey } from "@/lib/platform/identity/api-keys";
import { createDeal } from "@/lib/service-orders/deals";
import { makeApiKey, makeDealer, useTempDatabase } from "@/lib/testing/harness";
import type { ApiKeyActor } from "../actor";
import { testClock } from "../clock";
import { wakeup } from "../wakeup";
import { createEndpoint } from "../webhooks/service";
import type { WriteRequest } from "./perform";
import { killWriterThread, runWrite, type SentOutcome, writerReady } from "./writer";

let env: ReturnType<typeof useTempDatabase>;
let alpha: ApiKeyActor;
let beta: ApiKeyActor;

beforeAll(async () => {
  env = useTempDatabase();
  alpha = authenticate("alpha");
  beta = authenticate("beta");
  expect(await writerReady()).toBe(true);
});
afterEach(() => {
  testClock.reset();
  delete process.env.WRITER_THREAD;
  delete process.env.WEBHOOKS_ALLOW_INSECURE_LOCALHOST;
});
afterAll(() => env.cleanup());

const authenticate = (dealer: string) =>
  authenticateApiKey(getDb(), `Bearer ${makeApiKey(makeDealer(dealer).id)}`);

const quoteBody = (vin = "1HGCM82633A004352") =>
  JSON.stringify({
    type: "reconditioning",
    vin,
    items: ["wash-and-detail"],
    contact: { name: "Pat Buyer", email: "pat@example.test" },
  });

const quoteRequest = (over: Partial<WriteRequest> = {}): WriteRequest => ({
  op: "quotes.create",
  actor: alpha,
  method: "POST",
  path: "/api/v1/quotes",
  bodyText: quoteBody(),
  idempotencyKey: null,
  ...over,
});

// Through the thread the body arrives as bytes; inline as text.
const bodyOf = (o: SentOutcome) =>
  JSON.parse(typeof o.body === "string" ? o.body : new TextDecoder().decode(o.body));

describe("writer thread", () => {
  it("writes through its own connection; the main connection sees the row once answered", async () => {
    const out = await runWrite(getDb(), quoteRequest());
    expect(out.body).toBeInstanceOf(Uint8Array);
    expect(out.status).toBe(201);
    const quote = bodyOf(out);
    expect(quote).toMatchObject({ status: "awaiting-payment", total: 125 });
    const [row] = getDb().select().from(quotes).where(eq(quotes.id, quote.id)).all();
    expect(row.dealerId).toBe(alpha.dealerId);
  });

  it("answers as the inline path does (WRITER_THREAD=off)", async () => {
    testClock.freeze(new Date("2031-05-05T10:00:00Z"));
    const threaded = bodyOf(await runWrite(getDb(), quoteRequest()));
    process.env.WRITER_THREAD = "off";
    const inline = await runWrite(getDb(), quoteRequest());
    expect(typeof inline.body).toBe("string");
    const direct = bodyOf(inline);
    const shape = (q: Record<string, unknown>) => ({ ...q, id: 0, checkoutLink: 0, createdAt: 0, number: 0 });
    expect(shape(direct)).toEqual(shape(threaded));
  });

  it("uses the main thread's clock", async () => {
    testClock.freeze(new Date("2031-05-05T10:00:00Z"));
    const quote = bodyOf(await runWrite(getDb(), quoteRequest()));
    expect(quote.createdAt).toBe("2031-05-05T10:00:00.000Z");
  });

  it("answers bad input with the error shape and writes nothing", async () => {
    const before = getDb().select().from(quotes).all().length;
    const bad = await runWrite(getDb(), quoteRequest({ bodyText: quoteBody("1HGCM82633A004353") }));
    expect(bad.status).toBe(400);
    expect(bodyOf(bad).error).toMatchObject({ param: "vin" });
    const notJson = await runWrite(getDb(), quoteRequest({ bodyText: "{" }));
    expect(bodyOf(notJson).error).toMatchObject({ code: "invalid_json", param: "body" });
    expect(getDb().select().from(quotes).all()).toHaveLength(before);
  });

  it("keeps each dealer's writes apart: a quote on another dealer's deal is a 404", async () => {
    const deal = createDeal(getDb(), alpha, { customer: { name: "Sam Alpha" } });
    const onDeal = (actor: ApiKeyActor) =>
      runWrite(
        getDb(),
        quoteRequest({ actor, bodyText: JSON.stringify({ ...JSON.parse(quoteBody()), deal: deal.id }) }),
      );
    expect((await onDeal(alpha)).status).toBe(201);
    const foreign = await onDeal(beta);
    expect(foreign.status).toBe(404);
    expect(getDb().select().from(quotes).where(eq(quotes.dealerId, beta.dealerId!)).all()).toHaveLength(0);
  });

  it("replays an Idempotency-Key and refuses it with another body", async () => {
    const first = await runWrite(getDb(), quoteRequest({ idempotencyKey: "k-1" }));
    const again = await runWrite(getDb(), quoteRequest({ idempotencyKey: "k-1" }));
    expect(again.replayed).toBe(true);
    expect(bodyOf(again)).toEqual(bodyOf(first));
    const other = await runWrite(
      getDb(),
      quoteRequest({ idempotencyKey: "k-1", bodyText: quoteBody("5YJ3E1EA2KF317000") }),
    );
    expect(other.status).toBe(422);
  });

  it("wakes the delivery worker after a write that queued a webhook delivery", async () => {
    process.env.WEBHOOKS_ALLOW_INSECURE_LOCALHOST = "1";
    const hooks = authenticate("hooks");
    await createEndpoint(getDb(), hooks, { url: "http://localhost:9/hook", events: ["quote.created"] });
    const woken = new Promise<void>((resolve) => wakeup.once("work", () => resolve()));
    await runWrite(getDb(), quoteRequest({ actor: hooks }));
    await expect(woken).resolves.toBeUndefined();
    const [delivery] = getDb().select().from(webhookDeliveries).all();
    expect(delivery).toMatchObject({ status: "pending" });
  });

  it("answers a write lost with its thread with a 503 to retry, then starts another thread", async () => {
    // Hold SQLite's write lock here so the writer is stuck mid-write (waiting for the lock) when it
    // dies: without it the write can finish before the kill lands, and the test would race.
    const sqlite = getDb().$client;
    sqlite.exec("BEGIN IMMEDIATE");
    const inFlight = runWrite(getDb(), quoteRequest()).catch((e) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const killed = killWriterThread();
    sqlite.exec("ROLLBACK");
    await killed;
    const lost = await inFlight;

    expect(lost).toMatchObject({ status: 503, code: "service_unavailable" });
    expect(await writerReady()).toBe(true);
    expect((await runWrite(getDb(), quoteRequest())).status).toBe(201);
  });
});
