import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { checkoutCarts, events } from "@/db/schema";
import { loadCheckout, payCheckout, saveCheckoutStep, startCheckout } from "@/lib/checkout/checkout-flow";
import { insertOem, writeOemDealer, writeOemStates, writeProduct } from "@/lib/checkout/oem-config";
import {
  acmeCart,
  completeSteps,
  oemApiKey,
  payAsShown,
  seedAcme,
  testCard,
  tokenOf,
} from "@/lib/checkout/testing";
import { writerReady } from "@/lib/platform/writer/writer";
import { call, useTempDatabase } from "@/lib/testing/harness";
import { GET as getOrder, PATCH as patchOrder } from "../placed-orders/[id]/route";
import { GET as listProducts } from "../products/route";
import { GET as getCart } from "./[id]/route";
import { POST } from "./route";

let env: ReturnType<typeof useTempDatabase>;
let oemKey: string;
let otherOemKey: string;
let alphaKey: string;
let betaKey: string;
let alphaId: string;
let betaId: string;

beforeAll(async () => {
  env = useTempDatabase();
  const db = getDb();
  ({ alphaId, betaId, alphaKey, betaKey, oemKey } = seedAcme(db));
  const other = insertOem(db, { name: "Other Motors", oemKey: "other" });
  writeOemStates(db, other.id, { states: ["VA"] });
  writeOemDealer(db, other.id, { dealer: "alpha", states: ["VA"], isDefault: true });
  writeProduct(db, other.id, {
    productId: "ROADSTER",
    name: "Other Roadster",
    modelYear: 2025,
    basePrice: 1000,
  });
  otherOemKey = oemApiKey(db, other.id);
  // Writes go through the writer thread, as they do in the server.
  expect(await writerReady()).toBe(true);
});
afterAll(() => env.cleanup());

const cart = acmeCart;
const post = (body: unknown, key = oemKey, headers: Record<string, string> = {}) =>
  call(POST, { method: "POST", key, body, headers, path: "/api/v1/checkout-carts" });
const cartCount = () => getDb().select().from(checkoutCarts).all().length;

describe("POST /api/v1/checkout-carts: routing", () => {
  it("sends a cart with no vehicles to the OEM's native checkout, with no cart id", async () => {
    const before = cartCount();
    const res = await post(cart({ variants: [] }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      checkoutUrl: "https://shop.acme.example/checkout",
      checkoutCartId: null,
      message: expect.stringMatching(/no vehicles/),
    });
    expect(cartCount()).toBe(before);
  });

  it("sends a state where hosted checkout is off to the native checkout, naming the state", async () => {
    const res = await post(cart({ registrationState: "TX" }));
    expect(res.status).toBe(200);
    expect(res.json.checkoutCartId).toBeNull();
    expect(res.json.checkoutUrl).toBe("https://shop.acme.example/checkout");
    expect(res.json.message).toMatch(/registered in TX/);
  });

  it("hosts the checkout in a state that is on, fulfilled by the dealer serving it", async () => {
    const res = await post(cart({ registrationState: "CA" }));
    expect(res.status).toBe(200);
    expect(res.json.checkoutCartId).toMatch(/^cart_/);
    expect(res.json.checkoutUrl).toMatch(/^http:\/\/localhost\/checkout\/[\w-]{32}$/);
    expect(res.json.message).toBe(
      "Hosted checkout for 1 vehicle registered in CA, fulfilled by beta Motors.",
    );
    const got = await call(getCart, { key: oemKey, params: { id: res.json.checkoutCartId } });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({
      id: res.json.checkoutCartId,
      checkoutUrl: res.json.checkoutUrl,
      status: "created",
      oemKey: "acme",
      fulfillingDealer: { id: betaId },
      orderCreationType: "ORGANIC",
      linkUseType: "MULTI_USE",
      variants: [
        {
          variantConfigId: "ROADSTER-AllWeatherMats-RoofRack",
          basePrice: 40000,
          price: 40700,
          accessories: [
            { name: "All-Weather Mats", price: 200 },
            { name: "Roof Rack", price: 500 },
          ],
          metadata: { color: "red" },
        },
      ],
    });
    // The fulfilling dealer hears about it (outbox row for its dealer id).
    const evt = getDb()
      .select()
      .from(events)
      .all()
      .find((e) => e.subjectId === res.json.checkoutCartId);
    expect(evt).toMatchObject({ type: "checkout_cart.created", dealerId: betaId });
  });

  it("accepts a bare host as the seed's example does, and items in dollars", async () => {
    const res = await post(
      cart({
        cancelUrl: "www.ekhodealer.com",
        items: {
          cap: [
            { name: "Cap", price: 29.5 },
            { name: "Cap", price: 29.5 },
          ],
          mug: [{ name: "Mug", price: 12 }],
        },
      }),
    );
    expect(res.status).toBe(200);
    const got = await call(getCart, { key: oemKey, params: { id: res.json.checkoutCartId } });
    expect(got.json.cancelUrl).toBe("https://www.ekhodealer.com/");
    expect(got.json.items).toEqual({
      cap: [
        { name: "Cap", price: 29.5 },
        { name: "Cap", price: 29.5 },
      ],
      mug: [{ name: "Mug", price: 12 }],
    });
    expect(got.json.totals.items).toBe(71);
  });
});

describe("POST /api/v1/checkout-carts: validation", () => {
  it("refuses every invalid field with a 400, its code and the field's path, and stores nothing", async () => {
    const deep = { a: { b: { c: 1 } } };
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i]));
    const cases: [Record<string, unknown>, string, string?][] = [
      [
        cart({ variants: [{ variantConfigId: "SPACESHIP" }] }),
        "variants.0.variantConfigId",
        "variant_unknown",
      ],
      [
        cart({ variants: [{ variantConfigId: "ROADSTER-Spoiler" }] }),
        "variants.0.variantConfigId",
        "variant_unknown",
      ],
      [
        cart({ variants: [{ variantConfigId: "ROADSTER-RoofRack-AllWeatherMats" }] }),
        "variants.0.variantConfigId",
        "variant_unknown",
      ],
      [cart({ variants: [{ metadata: {} }] }), "variants.0.variantConfigId", "field_missing"],
      [cart({ variants: "ROADSTER" }), "variants"],
      [cart({ registrationState: "DC" }), "registrationState"],
      [cart({ registrationState: "XX" }), "registrationState"],
      [cart({ cancelUrl: "javascript:alert(1)" }), "cancelUrl"],
      [cart({ cancelUrl: "not a url" }), "cancelUrl"],
      [cart({ nativeDefaultCheckoutUrl: "ftp://shop.acme.example/checkout" }), "nativeDefaultCheckoutUrl"],
      [cart({ nativeDefaultCheckoutUrl: undefined }), "nativeDefaultCheckoutUrl", "field_missing"],
      [cart({ placedOrderMetadata: eleven }), "placedOrderMetadata"],
      [cart({ placedOrderMetadata: deep }), "placedOrderMetadata"],
      [cart({ placedOrderMetadata: ["a"] }), "placedOrderMetadata"],
      [cart({ items: { cap: { name: "Cap", price: 1 } } }), "items.cap"],
      [cart({ items: { cap: [{ name: "Cap", price: -1 }] } }), "items.cap.0.price"],
      [cart({ items: { cap: [{ name: "Cap", price: "12" }] } }), "items.cap.0.price"],
      [cart({ items: { cap: [{ price: 1 }] } }), "items.cap.0.name", "field_missing"],
      [cart({ items: { cap: [] } }), "items.cap"],
      [cart({ items: [] }), "items"],
      [cart({ orderCreationType: "WALKIN" }), "orderCreationType"],
      [cart({ linkUseType: "TWICE" }), "linkUseType"],
      [
        cart({ customLinkConfig: { checkoutPaymentOverride: "BARTER" } }),
        "customLinkConfig.checkoutPaymentOverride",
      ],
      [
        cart({
          customLinkConfig: { checkoutPaymentOverride: "LOAN_DOWNPAYMENT", fullPaymentDiscountPerc: 5 },
        }),
        "customLinkConfig.fullPaymentDiscountPerc",
      ],
      [
        cart({ customLinkConfig: { checkoutDownPaymentPerc: 120 } }),
        "customLinkConfig.checkoutDownPaymentPerc",
      ],
      [cart({ customLinkConfig: { salespersonEmail: "nope" } }), "customLinkConfig.salespersonEmail"],
      [
        cart({ customLinkConfig: { prefilledInfo: { selectedDeliveryOption: "DRONE" } } }),
        "customLinkConfig.prefilledInfo.selectedDeliveryOption",
      ],
      [
        cart({
          customLinkConfig: {
            prefilledInfo: {
              shippingAddress: { street: "1 Main St", city: "Richmond", state: "VA", zip: "90210" },
            },
          },
        }),
        "customLinkConfig.prefilledInfo.shippingAddress.zip",
        "address_invalid",
      ],
      [
        cart({ customLinkConfig: { prefilledInfo: { pickUpLocation: "nowhere" } } }),
        "customLinkConfig.prefilledInfo.pickUpLocation",
      ],
      [cart({ oemKey: "other" }), "oemKey", "oem_mismatch"],
      [cart({ oemKey: undefined }), "oemKey", "field_missing"],
      [cart({ oemId: "oem_not_mine" }), "oemId", "oem_mismatch"],
      [cart({ brandKey: "zoom" }), "brandKey", "brand_unknown"],
      [cart({ id: "has spaces" }), "id"],
      [cart({ id: "a", ekhoCheckoutCartId: "b" }), "ekhoCheckoutCartId"],
    ];
    const before = cartCount();
    for (const [body, param, code] of cases) {
      const res = await post(body);
      expect(res.status, `${param} ${JSON.stringify(body).slice(0, 120)}`).toBe(400);
      expect(res.json.error.type).toBe("invalid_request_error");
      expect(res.json.error.param, JSON.stringify(body).slice(0, 120)).toBe(param);
      if (code) expect(res.json.error.code).toBe(code);
    }
    expect(cartCount()).toBe(before);
  });

  it("is for OEM keys: a dealer key gets a 403", async () => {
    const res = await post(cart(), alphaKey);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("oem_key_required");
  });
});

describe("POST /api/v1/checkout-carts: ids, overwrite, idempotency", () => {
  it("creates the cart with the given id, then overwrites it (same link, new content)", async () => {
    const first = await post(cart({ id: "acme-42", source: "facebook" }));
    expect(first.json.checkoutCartId).toBe("acme-42");
    const second = await post(
      cart({ ekhoCheckoutCartId: "acme-42", variants: [{ variantConfigId: "ROADSTER" }], source: "google" }),
    );
    expect(second.status).toBe(200);
    expect(second.json.checkoutCartId).toBe("acme-42");
    expect(second.json.checkoutUrl).toBe(first.json.checkoutUrl);
    const got = await call(getCart, { key: oemKey, params: { id: "acme-42" } });
    expect(got.json).toMatchObject({
      revision: 2,
      source: "google",
      variants: [{ variantConfigId: "ROADSTER" }],
    });
    const types = getDb()
      .select()
      .from(events)
      .all()
      .filter((e) => e.subjectId === "acme-42")
      .map((e) => e.type);
    expect(types).toEqual(["checkout_cart.created", "checkout_cart.updated"]);
  });

  it("an OEM key cannot read or overwrite another OEM's cart: 404, cart unchanged", async () => {
    await post(cart({ id: "acme-private" }));
    const read = await call(getCart, { key: otherOemKey, params: { id: "acme-private" } });
    expect(read.status).toBe(404);
    const overwrite = await post(
      cart({ oemKey: "other", id: "acme-private", variants: [{ variantConfigId: "ROADSTER" }] }),
      otherOemKey,
    );
    expect(overwrite.status).toBe(404);
    const mine = await call(getCart, { key: oemKey, params: { id: "acme-private" } });
    expect(mine.json.oemKey).toBe("acme");
    expect(mine.json.variants[0].variantConfigId).toBe("ROADSTER-AllWeatherMats-RoofRack");
  });

  it("dealer keys see the carts they fulfil and nobody else's", async () => {
    const res = await post(cart({ registrationState: "VA" }));
    const id = res.json.checkoutCartId;
    expect((await call(getCart, { key: alphaKey, params: { id } })).status).toBe(200);
    expect((await call(getCart, { key: betaKey, params: { id } })).status).toBe(404);
    expect((await call(getCart, { key: oemKey, params: { id: "cart_nope" } })).status).toBe(404);
  });

  it("replays a POST with the same Idempotency-Key; another body with it is a 422", async () => {
    const before = cartCount();
    const body = cart({ source: "idem" });
    const a = await post(body, oemKey, { "idempotency-key": "cart-idem-1" });
    const b = await post(body, oemKey, { "idempotency-key": "cart-idem-1" });
    expect(b.status).toBe(200);
    expect(b.json).toEqual(a.json);
    expect(b.headers.get("idempotent-replayed")).toBe("true");
    expect(cartCount()).toBe(before + 1);
    const c = await post(cart({ source: "other" }), oemKey, { "idempotency-key": "cart-idem-1" });
    expect(c.status).toBe(422);
    expect(cartCount()).toBe(before + 1);
  });
});

describe("GET /api/v1/products", () => {
  it("lists the key's OEM products with every variantConfigId", async () => {
    const res = await call(listProducts, { key: oemKey });
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(1);
    expect(
      res.json.data[0].variantConfigs.map((c: { variantConfigId: string }) => c.variantConfigId),
    ).toEqual([
      "ROADSTER",
      "ROADSTER-AllWeatherMats",
      "ROADSTER-RoofRack",
      "ROADSTER-AllWeatherMats-RoofRack",
    ]);
    const other = await call(listProducts, { key: otherOemKey });
    expect(other.json.data.map((p: { name: string }) => p.name)).toEqual(["Other Roadster"]);
    expect((await call(listProducts, { key: alphaKey })).status).toBe(403);
  });
});

const checkout = (token: string) =>
  completeSteps(getDb(), token, { delivery: { method: "PICK_UP", pickUpDealerId: alphaId } });

describe("placed orders", () => {
  it("a declined card places nothing; an approved one places the order with the cart's metadata", async () => {
    const res = await post(
      cart({
        linkUseType: "SINGLE_USE",
        source: "newsletter",
        ecommUserId: "u-1",
        ecommOrderId: "o-1",
        placedOrderMetadata: { campaign: "spring", utm: { medium: "email" } },
        customLinkConfig: { checkoutPaymentOverride: "CHECKOUT_FULL_PAYMENT", fullPaymentDiscountPerc: 2 },
      }),
    );
    const token = tokenOf(res.json.checkoutUrl);
    const secret = checkout(token);
    expect(() => payAsShown(getDb(), token, secret, "4000 0000 0000 0002")).toThrow(/declined/);
    const { placedOrderId } = payAsShown(getDb(), token, secret);

    const order = await call(getOrder, { key: oemKey, params: { id: placedOrderId } });
    expect(order.status).toBe(200);
    expect(order.json).toMatchObject({
      checkoutCartId: res.json.checkoutCartId,
      source: "newsletter",
      ecommUserId: "u-1",
      ecommOrderId: "o-1",
      placedOrderMetadata: { campaign: "spring", utm: { medium: "email" } },
      paymentOption: "CHECKOUT_FULL_PAYMENT",
      paymentStatus: "FULLY_PAID",
      fulfillmentStatus: "UNFULFILLED",
      card: { brand: "visa", last4: "4242" },
      buyer: { firstName: "Pat", email: "pat@example.com", phone: "+18045550100" },
    });
    // 2% off vehicles and accessories (40,700) = 814.
    expect(order.json.amounts.discount).toBe(814);
    expect(JSON.stringify(order.json)).not.toMatch(/4242424242424242/);
    expect((await call(getOrder, { key: otherOemKey, params: { id: placedOrderId } })).status).toBe(404);
    expect((await call(getOrder, { key: betaKey, params: { id: placedOrderId } })).status).toBe(404);

    // The SINGLE_USE link is used up.
    expect(loadCheckout(getDb(), token, null)?.used).toBe(true);
    expect(() => startCheckout(getDb(), token)).toThrow(/already been used/);
    const got = await call(getCart, { key: oemKey, params: { id: res.json.checkoutCartId } });
    expect(got.json.status).toBe("placed");

    const types = getDb()
      .select()
      .from(events)
      .all()
      .filter(
        (e) =>
          e.dealerId === alphaId &&
          (e.subjectId === placedOrderId || e.subjectId === res.json.checkoutCartId),
      )
      .map((e) => e.type);
    expect(types).toEqual([
      "checkout_cart.created",
      // "Start checkout" is the buyer really opening the link.
      "checkout_cart.opened",
      "checkout_cart.payment_failed",
      "checkout_cart.placed",
      "placed_order.created",
    ]);
  });

  it("a buyer's session works only on its own cart's link", async () => {
    const a = tokenOf((await post(cart())).json.checkoutUrl);
    const b = tokenOf((await post(cart())).json.checkoutUrl);
    const secretA = startCheckout(getDb(), a).secret;
    expect(() =>
      saveCheckoutStep(getDb(), b, secretA, "buyer", {
        firstName: "Eve",
        lastName: "X",
        email: "eve@example.com",
        phone: "804-555-0100",
      }),
    ).toThrow(/Start the checkout again/);
    expect(() => payCheckout(getDb(), b, secretA, testCard("4242424242424242"))).toThrow(
      /Start the checkout again/,
    );
    expect(() => saveCheckoutStep(getDb(), "not-a-token", secretA, "buyer", {})).toThrow(/No such checkout/);
    expect(loadCheckout(getDb(), b, secretA)?.started).toBe(false);
  });

  it("a MULTI_USE link serves several buyers", async () => {
    const res = await post(cart());
    const token = tokenOf(res.json.checkoutUrl);
    payAsShown(getDb(), token, checkout(token));
    payAsShown(getDb(), token, checkout(token));
    expect(loadCheckout(getDb(), token, null)?.used).toBe(false);
  });

  it("the fulfilling dealer moves fulfillment along; illegal moves are 409; other dealers 404", async () => {
    const res = await post(cart());
    const token = tokenOf(res.json.checkoutUrl);
    const { placedOrderId: id } = payAsShown(getDb(), token, checkout(token));
    const patch = (body: unknown, key = alphaKey) =>
      call(patchOrder, { method: "PATCH", key, params: { id }, body });

    expect((await patch({ fulfillmentStatus: "FULFILLED" })).status).toBe(409);
    expect((await patch({ fulfillmentStatus: "READY_TO_FULFILL" }, betaKey)).status).toBe(404);
    expect((await patch({ fulfillmentStatus: "READY_TO_FULFILL" }, oemKey)).status).toBe(404);
    expect((await patch({ fulfillmentStatus: "LOST" })).status).toBe(400);
    const ready = await patch({ fulfillmentStatus: "READY_TO_FULFILL", note: "Prepped" });
    expect(ready.status).toBe(200);
    expect(ready.json.fulfillmentStatus).toBe("READY_TO_FULFILL");
    // A pick-up order is never shipped.
    const shipped = await patch({ fulfillmentStatus: "SHIPPED" });
    expect(shipped.status).toBe(409);
    expect(shipped.json.error.param).toBe("fulfillmentStatus");
    expect((await patch({ fulfillmentStatus: "READY_FOR_PICK_UP" })).status).toBe(200);
    expect((await patch({ fulfillmentStatus: "FULFILLED" })).status).toBe(200);
    expect((await patch({ paymentStatus: "RESERVATION_PAID" })).status).toBe(409);
    const updates = getDb()
      .select()
      .from(events)
      .all()
      .filter((e) => e.subjectId === id && e.type === "placed_order.updated");
    expect(updates).toHaveLength(3);
  });
});
