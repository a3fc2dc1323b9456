import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, placedOrders, webhookDeliveries } from "@/db/schema";
import { loadCheckout } from "@/lib/checkout/checkout-flow";
import { insertOem, writeOemDealer, writeOemStates, writeProduct } from "@/lib/checkout/oem-config";
import { getCartDetail, getPlacedOrderDetail } from "@/lib/checkout/queries";
import { acmeCart, completeSteps, oemApiKey, payAsShown, seedAcme, tokenOf } from "@/lib/checkout/testing";
import { deliverDueWebhooks } from "@/lib/platform/webhooks/deliver";
import { listEndpointsForOps } from "@/lib/platform/webhooks/queries";
import type { Transport } from "@/lib/platform/webhooks/transport";
import { writerReady } from "@/lib/platform/writer/writer";
import { call, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { GET as getEvent } from "../events/[id]/route";
import { GET as getOrder, PATCH as patchOrder } from "../placed-orders/[id]/route";
import { GET as listDeliveries } from "../webhook-deliveries/route";
import { GET as listWebhooks, POST as postWebhook } from "../webhooks/route";
import { GET as getCart } from "./[id]/route";
import { POST } from "./route";

let env: ReturnType<typeof useTempDatabase>;
let w: ReturnType<typeof seedAcme>;
let rivalKey: string;

beforeAll(async () => {
  env = useTempDatabase();
  process.env.WEBHOOKS_ALLOW_INSECURE_LOCALHOST = "1";
  const db = getDb();
  w = seedAcme(db);
  const rival = insertOem(db, { name: "Rival", oemKey: "rival" });
  writeOemStates(db, rival.id, { states: ["VA"] });
  writeOemDealer(db, rival.id, { dealer: "alpha", states: ["VA"], isDefault: true });
  writeProduct(db, rival.id, { productId: "R1", name: "R1", modelYear: 2026, basePrice: 1000 });
  rivalKey = oemApiKey(db, rival.id);
  expect(await writerReady()).toBe(true);
});
afterAll(() => env.cleanup());

const post = async (over: Record<string, unknown> = {}) => {
  const res = await call(POST, { method: "POST", key: w.oemKey, body: acmeCart(over) });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return { id: res.json.checkoutCartId as string, token: tokenOf(res.json.checkoutUrl) };
};
const CA_HOME = { street: "845 Market St", city: "San Diego", state: "CA", zip: "92101" };

describe("the order goes to the dealer who fulfils it", () => {
  it("a pick-up order belongs to the pick-up dealer: it sees and works it, the cart's dealer does not", async () => {
    const cart = await post({ registrationState: "VA" });
    const secret = completeSteps(getDb(), cart.token, {
      delivery: { method: "PICK_UP", pickUpDealerId: w.betaId },
    });
    expect(loadCheckout(getDb(), cart.token, secret)?.dealerName).toBe("beta Motors");
    const { placedOrderId: id } = payAsShown(getDb(), cart.token, secret);

    const asBeta = await call(getOrder, { key: w.betaKey, params: { id } });
    expect(asBeta.status).toBe(200);
    expect(asBeta.json.fulfillingDealer).toEqual({ id: w.betaId, name: "beta Motors" });
    expect((await call(getOrder, { key: w.alphaKey, params: { id } })).status).toBe(404);
    const patch = (key: string) =>
      call(patchOrder, {
        method: "PATCH",
        key,
        params: { id },
        body: { fulfillmentStatus: "READY_TO_FULFILL" },
      });
    expect((await patch(w.alphaKey)).status).toBe(404);
    expect((await patch(w.betaKey)).status).toBe(200);
    // The fulfilling dealer may open the cart the order came from.
    expect((await call(getCart, { key: w.betaKey, params: { id: cart.id } })).status).toBe(200);

    const orderEvents = getDb()
      .select()
      .from(events)
      .all()
      .filter((e) => e.subjectId === id);
    expect(orderEvents.map((e) => [e.type, e.dealerId])).toEqual([
      ["placed_order.created", w.betaId],
      ["placed_order.updated", w.betaId],
    ]);
    const staffB = (await makeUser(w.betaId, "staff")).actor;
    expect(getPlacedOrderDetail(getDb(), staffB, id)).toMatchObject({
      canUpdate: true,
      pickUpDealerName: "beta Motors",
    });
  });

  it("a shipped order belongs to the dealer serving the registration state", async () => {
    // No state on the cart: routed to the default dealer (alpha); registered in CA at checkout.
    const cart = await post({ registrationState: undefined });
    const secret = completeSteps(getDb(), cart.token, {
      delivery: { method: "SHIP", shippingAddress: CA_HOME },
      address: CA_HOME,
    });
    const { placedOrderId: id } = payAsShown(getDb(), cart.token, secret);
    const order = getDb()
      .select()
      .from(placedOrders)
      .all()
      .find((o) => o.id === id);
    expect(order?.dealerId).toBe(w.betaId);
    expect((await call(getOrder, { key: w.alphaKey, params: { id } })).status).toBe(404);
  });

  it("a shared cart's history shows each dealer only its own orders, and names no buyer or card", async () => {
    const cart = await post({ registrationState: "VA" });
    const place = (dealerId: string) => {
      const secret = completeSteps(getDb(), cart.token, {
        delivery: { method: "PICK_UP", pickUpDealerId: dealerId },
      });
      return payAsShown(getDb(), cart.token, secret).placedOrderId as string;
    };
    const atAlpha = place(w.alphaId);
    const atBeta = place(w.betaId);
    const historyOf = async (dealerId: string) =>
      getCartDetail(getDb(), (await makeUser(dealerId, "staff")).actor, cart.id).timeline.map(
        (t) => t.note ?? "",
      );
    const alpha = await historyOf(w.alphaId);
    const beta = await historyOf(w.betaId);
    expect(alpha.some((n) => n.includes(atAlpha))).toBe(true);
    expect(alpha.some((n) => n.includes(atBeta))).toBe(false);
    expect(beta.some((n) => n.includes(atBeta))).toBe(true);
    expect(beta.some((n) => n.includes(atAlpha))).toBe(false);
    for (const note of [...alpha, ...beta]) expect(note).not.toMatch(/ending \d{4}|Pat|Buyer/);
  });

  it("types and payment statuses follow the spec", async () => {
    const cart = await post({ preorderId: "pre-9" });
    const secret = completeSteps(getDb(), cart.token, {
      delivery: { method: "PICK_UP", pickUpDealerId: w.alphaId },
      option: "LOAN_DOWNPAYMENT",
    });
    const { placedOrderId: id } = payAsShown(getDb(), cart.token, secret);
    const order = await call(getOrder, { key: w.oemKey, params: { id } });
    expect(order.json).toMatchObject({ typeOfOrder: "preorder", paymentStatus: "RESERVATION_PAID" });
  });
});

describe("OEM webhooks", () => {
  it("an OEM key manages its own endpoints; they receive its placed orders, signed; other owners' do not mix", async () => {
    const hook = (key: string, url: string) =>
      call(postWebhook, {
        method: "POST",
        key,
        body: { url, events: ["placed_order.*", "checkout_cart.*"] },
      });
    const oemHook = await hook(w.oemKey, "http://127.0.0.1:9/acme");
    expect(oemHook.status).toBe(201);
    expect(oemHook.json.secret).toMatch(/^whsec_/);
    const rivalHook = await hook(rivalKey, "http://127.0.0.1:9/rival");
    const dealerHook = await hook(w.alphaKey, "http://127.0.0.1:9/alpha");
    const ids = async (key: string) =>
      (await call(listWebhooks, { key })).json.data.map((e: { id: string }) => e.id);
    expect(await ids(w.oemKey)).toEqual([oemHook.json.id]);
    expect(await ids(rivalKey)).toEqual([rivalHook.json.id]);
    expect(await ids(w.alphaKey)).toEqual([dealerHook.json.id]);
    const ops = (await makeUser(null, "ops")).actor;
    expect(listEndpointsForOps(getDb(), ops, w.acmeId).map((e) => e.url)).toEqual([
      "http://127.0.0.1:9/acme",
    ]);

    const cart = await post();
    const secret = completeSteps(getDb(), cart.token, {
      delivery: { method: "PICK_UP", pickUpDealerId: w.alphaId },
    });
    const { placedOrderId } = payAsShown(getDb(), cart.token, secret);

    const sent: { url: string; headers: Record<string, string>; body: string }[] = [];
    const transport: Transport = async (url, headers, body) => {
      sent.push({ url, headers, body });
      return { status: 200, latencyMs: 1, excerpt: "ok", retryAfter: null, error: null };
    };
    while ((await deliverDueWebhooks(getDb(), transport)) > 0);
    const secrets: Record<string, string> = {
      "/acme": oemHook.json.secret,
      "/alpha": dealerHook.json.secret,
      "/rival": rivalHook.json.secret,
    };
    // Verified with the standardwebhooks package, each with its own endpoint's secret.
    const to = (suffix: string) =>
      sent
        .filter((s) => s.url.endsWith(suffix))
        .map(
          (s) =>
            new Webhook(secrets[suffix].replace(/^whsec_/, "")).verify(s.body, s.headers) as {
              event: string;
              data: { id: string };
            },
        );
    const acmeGot = to("/acme");
    expect(acmeGot.map((p) => p.event)).toEqual(
      expect.arrayContaining(["checkout_cart.created", "checkout_cart.placed", "placed_order.created"]),
    );
    expect(acmeGot.find((p) => p.event === "placed_order.created")?.data.id).toBe(placedOrderId);
    // The fulfilling dealer's endpoint hears the same events, as before.
    expect(to("/alpha").map((p) => p.event)).toEqual(expect.arrayContaining(["placed_order.created"]));
    expect(to("/rival")).toEqual([]);

    // Each owner's delivery log and events are its own.
    const logOf = async (key: string) =>
      (await call(listDeliveries, { key })).json.data.map((d: { endpointId: string }) => d.endpointId);
    expect(new Set(await logOf(w.oemKey))).toEqual(new Set([oemHook.json.id]));
    expect(new Set(await logOf(w.alphaKey))).toEqual(new Set([dealerHook.json.id]));
    const oemDelivery = getDb()
      .select()
      .from(webhookDeliveries)
      .all()
      .find((d) => d.endpointId === oemHook.json.id)!;
    expect((await call(getEvent, { key: w.oemKey, params: { id: oemDelivery.eventId } })).status).toBe(200);
    expect((await call(getEvent, { key: rivalKey, params: { id: oemDelivery.eventId } })).status).toBe(404);
  });
});
