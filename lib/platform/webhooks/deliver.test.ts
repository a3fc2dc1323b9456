import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { insertOem } from "@/lib/checkout/oem-config";
import { oemApiKey } from "@/lib/checkout/testing";
import { makeApiKey, makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { nowMs, testClock } from "../clock";
import { authenticateApiKey } from "../identity/api-keys";
import { claimDueDeliveries, deliverDueWebhooks } from "./deliver";
import { RETRY_DELAYS_MS } from "./retry-schedule";
import { createEndpoint, sendTestEvent } from "./service";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 whose answer the test controls. */
function startReceiver() {
  const received: Received[] = [];
  let respond: (res: http.ServerResponse) => void = (res) => res.end("ok");
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      respond(res);
    });
  });
  return new Promise<{
    url: string;
    received: Received[];
    answer: (fn: typeof respond) => void;
    close: () => void;
  }>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/hook`,
        received,
        answer: (fn) => {
          respond = fn;
        },
        close: () => server.close(),
      });
    }),
  );
}

let env: ReturnType<typeof useTempDatabase>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let dealerId: string;
let actor: ReturnType<typeof authenticateApiKey>;

beforeAll(async () => {
  env = useTempDatabase();
  process.env.WEBHOOKS_ALLOW_INSECURE_LOCALHOST = "1";
  dealerId = makeDealer("alpha").id;
  actor = authenticateApiKey(getDb(), `Bearer ${makeApiKey(dealerId)}`);
  receiver = await startReceiver();
});
afterAll(() => {
  receiver.close();
  env.cleanup();
});
beforeEach(() => {
  testClock.freeze(Date.parse("2026-03-01T12:00:00Z"));
  receiver.received.length = 0;
  receiver.answer((res) => res.end("ok"));
  // Each test starts with nothing due, so leftovers of another test are never delivered here.
  getDb()
    .update(webhookDeliveries)
    .set({ status: "failed" })
    .where(eq(webhookDeliveries.status, "pending"))
    .run();
});
afterEach(() => testClock.reset());

const delivery = (eventId: string) =>
  getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId)).get()!;
const attempts = (deliveryId: string) =>
  getDb().select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).all();

describe("delivery", () => {
  it("signs per Standard Webhooks: the standardwebhooks package verifies it", async () => {
    // The package rejects timestamps more than 5 minutes from the real clock.
    testClock.reset();
    const endpoint = await createEndpoint(getDb(), actor, { url: receiver.url, events: ["*"] });
    const { eventId } = sendTestEvent(getDb(), actor, endpoint.id);
    expect(await deliverDueWebhooks(getDb())).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0];
    expect(headers["webhook-id"]).toBe(eventId);
    const wh = new Webhook(endpoint.secret!.replace(/^whsec_/, ""));
    const payload = wh.verify(body, {
      "webhook-id": headers["webhook-id"] as string,
      "webhook-timestamp": headers["webhook-timestamp"] as string,
      "webhook-signature": headers["webhook-signature"] as string,
    }) as { id: string; event: string; timestamp: string; type: string; data: unknown };
    expect(payload).toMatchObject({ id: eventId, event: "webhook.test", type: "webhook_endpoint" });
    const d = delivery(eventId);
    expect(d.status).toBe("succeeded");
    expect(attempts(d.id)).toMatchObject([
      { attemptNumber: 1, httpStatus: 200, succeeded: true, responseExcerpt: "ok" },
    ]);
  });

  it("retries a 500 on the schedule with the same webhook-id, then gives up after 8 attempts", async () => {
    receiver.answer((res) => {
      res.statusCode = 500;
      res.end("boom");
    });
    const endpoint = await createEndpoint(getDb(), actor, { url: receiver.url, events: ["*"] });
    const { eventId } = sendTestEvent(getDb(), actor, endpoint.id);
    await deliverDueWebhooks(getDb());
    for (const [i, base] of RETRY_DELAYS_MS.entries()) {
      const d = delivery(eventId);
      expect(d.status).toBe("pending");
      expect(d.attemptCount).toBe(i + 1);
      const delay = d.nextAttemptAt!.getTime() - nowMs();
      expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.9));
      expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.1));
      // Not yet due a moment before, due at the scheduled time.
      testClock.advance(delay - 1);
      expect(await deliverDueWebhooks(getDb())).toBe(0);
      testClock.advance(1);
      expect(await deliverDueWebhooks(getDb())).toBe(1);
    }
    const d = delivery(eventId);
    expect(d.status).toBe("failed");
    expect(d.attemptCount).toBe(8);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([eventId]));
    expect(attempts(d.id).map((a) => a.httpStatus)).toEqual(Array(8).fill(500));
  });

  it("honours Retry-After", async () => {
    receiver.answer((res) => {
      res.statusCode = 429;
      res.setHeader("retry-after", "120");
      res.end();
    });
    const endpoint = await createEndpoint(getDb(), actor, { url: receiver.url, events: ["*"] });
    const { eventId } = sendTestEvent(getDb(), actor, endpoint.id);
    await deliverDueWebhooks(getDb());
    expect(delivery(eventId).nextAttemptAt!.getTime() - nowMs()).toBe(120_000);
  });

  it("counts a redirect as a failure and does not follow it", async () => {
    receiver.answer((res) => {
      res.statusCode = 301;
      res.setHeader("location", "http://127.0.0.1:1/elsewhere");
      res.end();
    });
    const endpoint = await createEndpoint(getDb(), actor, { url: receiver.url, events: ["*"] });
    const { eventId } = sendTestEvent(getDb(), actor, endpoint.id);
    await deliverDueWebhooks(getDb());
    const d = delivery(eventId);
    expect(d.status).toBe("pending");
    expect(attempts(d.id)[0]).toMatchObject({ httpStatus: 301, succeeded: false });
    expect(attempts(d.id)[0].error).toMatch(/Redirect/);
    expect(receiver.received).toHaveLength(1);
  });

  it("disables the endpoint on 410 Gone", async () => {
    receiver.answer((res) => {
      res.statusCode = 410;
      res.end();
    });
    const endpoint = await createEndpoint(getDb(), actor, { url: receiver.url, events: ["*"] });
    const { eventId } = sendTestEvent(getDb(), actor, endpoint.id);
    await deliverDueWebhooks(getDb());
    expect(delivery(eventId).status).toBe("failed");
    const row = getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).get()!;
    expect(row.enabled).toBe(false);
    expect(row.disabledReason).toMatch(/410/);
  });

  it("disables an endpoint failing for 5 days and emails the dealer's admins", async () => {
    const { user: admin } = await makeUser(dealerId, "admin");
    receiver.answer((res) => {
      res.statusCode = 503;
      res.end();
    });
    const endpoint = await createEndpoint(getDb(), actor, { url: receiver.url, events: ["*"] });
    sendTestEvent(getDb(), actor, endpoint.id);
    await deliverDueWebhooks(getDb());
    testClock.advance(5 * 24 * 3_600_000);
    sendTestEvent(getDb(), actor, endpoint.id);
    await deliverDueWebhooks(getDb());
    const row = getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).get()!;
    expect(row.enabled).toBe(false);
    expect(row.disabledReason).toMatch(/5 days/);
    const mail = getDb().select().from(notifications).where(eq(notifications.subjectId, endpoint.id)).all();
    expect(mail.map((m) => m.to)).toContain(admin.email);
    expect(mail[0].channel).toBe("email");
  });

  it("emails the ops team when it disables an OEM's endpoint (an OEM has no portal admins)", async () => {
    const { user: opsUser } = await makeUser(null, "ops");
    const { user: admin } = await makeUser(dealerId, "admin");
    const oem = insertOem(getDb(), { name: "Gone Motors", oemKey: "gone" });
    const shop = authenticateApiKey(getDb(), `Bearer ${oemApiKey(getDb(), oem.id)}`);
    receiver.answer((res) => {
      res.statusCode = 410;
      res.end();
    });
    const endpoint = await createEndpoint(getDb(), shop, { url: receiver.url, events: ["*"] });
    sendTestEvent(getDb(), shop, endpoint.id);
    await deliverDueWebhooks(getDb());
    const mail = getDb().select().from(notifications).where(eq(notifications.subjectId, endpoint.id)).all();
    expect(mail.map((m) => m.to)).toContain(opsUser.email);
    expect(mail.map((m) => m.to)).not.toContain(admin.email);
  });

  it("refuses to connect to a private address at delivery time", async () => {
    const endpoint = await createEndpoint(getDb(), actor, { url: receiver.url, events: ["*"] });
    const { eventId } = sendTestEvent(getDb(), actor, endpoint.id);
    delete process.env.WEBHOOKS_ALLOW_INSECURE_LOCALHOST;
    try {
      await deliverDueWebhooks(getDb());
    } finally {
      process.env.WEBHOOKS_ALLOW_INSECURE_LOCALHOST = "1";
    }
    const d = delivery(eventId);
    expect(receiver.received).toHaveLength(0);
    expect(attempts(d.id)[0].error).toMatch(/loopback/);
  });

  it("never hands the same delivery to two workers (lease)", async () => {
    const endpoint = await createEndpoint(getDb(), actor, { url: receiver.url, events: ["*"] });
    sendTestEvent(getDb(), actor, endpoint.id);
    const first = claimDueDeliveries(getDb());
    const second = claimDueDeliveries(getDb());
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
    // A crashed worker's lease runs out and the delivery is picked up again.
    testClock.advance(61_000);
    expect(claimDueDeliveries(getDb())).toEqual(first);
  });
});
