import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postContract } from "@/app/checkoutCart_oncreate/route";
import { POST as postContractV2 } from "@/app/checkoutCart_oncreate_v2/route";
import { POST as postV1 } from "@/app/v1/checkoutCart_oncreate/route";
import { POST as postV1V2 } from "@/app/v1/checkoutCart_oncreate_v2/route";
import { getDb } from "@/db/client";
import { checkoutCarts, events } from "@/db/schema";
import { loadCheckout, startCheckout } from "@/lib/checkout/checkout-flow";
import { insertOem, writeOemStates, writeProduct } from "@/lib/checkout/oem-config";
import { acmeCart, oemApiKey, seedAcme, tokenOf } from "@/lib/checkout/testing";
import { writerReady } from "@/lib/platform/writer/writer";
import { call, useTempDatabase } from "@/lib/testing/harness";
import { GET as getCart } from "./[id]/route";
import { POST } from "./route";

let env: ReturnType<typeof useTempDatabase>;
let w: ReturnType<typeof seedAcme>;
let soloKey: string;

beforeAll(async () => {
  env = useTempDatabase();
  const db = getDb();
  w = seedAcme(db);
  // An OEM with hosted checkout on but no dealer to fulfil it yet.
  const solo = insertOem(db, { name: "Solo Motors", oemKey: "solo" });
  writeOemStates(db, solo.id, { states: ["VA"] });
  writeProduct(db, solo.id, { productId: "ONE", name: "One", modelYear: 2026, basePrice: 20000 });
  soloKey = oemApiKey(db, solo.id);
  expect(await writerReady()).toBe(true);
});
afterAll(() => env.cleanup());

const post = (body: unknown, key = w.oemKey) =>
  call(POST, { method: "POST", key, body, path: "/api/v1/checkout-carts" });
const cartRow = (id: string) =>
  getDb()
    .select()
    .from(checkoutCarts)
    .all()
    .find((c) => c.id === id);
const eventTypes = (subjectId: string) =>
  getDb()
    .select()
    .from(events)
    .all()
    .filter((e) => e.subjectId === subjectId)
    .map((e) => e.type);

describe("routing", () => {
  it("no registration state: hosted, fulfilled by the OEM's default dealer", async () => {
    const res = await post(acmeCart({ registrationState: undefined }));
    expect(res.status).toBe(200);
    expect(res.json.checkoutCartId).toMatch(/^cart_/);
    expect(res.json.message).toBe("Hosted checkout for 1 vehicle, fulfilled by alpha Motors.");
    expect(cartRow(res.json.checkoutCartId)?.dealerId).toBe(w.alphaId);
  });

  it("no dealer fulfils the OEM: the native checkout, saying so, nothing stored", async () => {
    const before = getDb().select().from(checkoutCarts).all().length;
    const res = await post(
      { ...acmeCart(), oemKey: "solo", variants: [{ variantConfigId: "ONE" }] },
      soloKey,
    );
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      checkoutUrl: "https://shop.acme.example/checkout",
      checkoutCartId: null,
      message:
        "No dealer fulfils orders registered in VA yet, so the buyer checks out on the OEM's own checkout page.",
    });
    expect(getDb().select().from(checkoutCarts).all()).toHaveLength(before);
  });

  it("an ops change is seen by the very next cart, though carts are created on the writer thread", async () => {
    const db = getDb();
    expect((await post(acmeCart({ registrationState: "NC" }))).json.checkoutCartId).toBeNull();
    writeOemStates(db, w.acmeId, { states: ["VA", "CA", "NC"] });
    expect((await post(acmeCart({ registrationState: "NC" }))).json.checkoutCartId).toMatch(/^cart_/);
    writeProduct(db, w.acmeId, { productId: "COUPE", name: "Coupe", modelYear: 2027, basePrice: 50000 });
    const coupe = await post(acmeCart({ variants: [{ variantConfigId: "COUPE" }] }));
    expect(coupe.status).toBe(200);
    writeOemStates(db, w.acmeId, { states: ["VA", "CA"] });
    expect((await post(acmeCart({ registrationState: "NC" }))).json.checkoutCartId).toBeNull();
  });
});

describe("validation details", () => {
  it("takes null in optional fields as not sent", async () => {
    const res = await post(
      acmeCart({
        registrationState: null,
        oemId: null,
        ecommUserId: null,
        ecommOrderId: null,
        id: null,
        ekhoCheckoutCartId: null,
        source: null,
        preorderId: null,
        brandKey: null,
        orderCreationType: null,
        linkUseType: null,
        items: null,
        placedOrderMetadata: null,
        variants: [{ variantConfigId: "ROADSTER", metadata: null }],
        customLinkConfig: {
          linkName: null,
          salespersonEmail: null,
          checkoutPaymentOverride: null,
          prefilledInfo: { buyerEmail: null, shippingAddress: null, pickUpLocation: null },
        },
      }),
    );
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const got = await call(getCart, { key: w.oemKey, params: { id: res.json.checkoutCartId } });
    expect(got.json).toMatchObject({
      registrationState: null,
      ecommUserId: null,
      orderCreationType: "ORGANIC",
      linkUseType: "MULTI_USE",
      items: {},
      placedOrderMetadata: null,
    });
  });

  it("still requires the required fields when they are null", async () => {
    for (const field of ["oemKey", "cancelUrl", "nativeDefaultCheckoutUrl"]) {
      const res = await post(acmeCart({ [field]: null }));
      expect(res.status, field).toBe(400);
      expect(res.json.error.param).toBe(field);
    }
  });

  it("refuses a __proto__ key anywhere instead of silently dropping it", async () => {
    const body = (items: string) =>
      `{"oemKey":"acme","variants":[{"variantConfigId":"ROADSTER"}],"cancelUrl":"https://a.example/c","nativeDefaultCheckoutUrl":"https://a.example/n","items":${items}}`;
    const dropped = await call(POST, {
      method: "POST",
      key: w.oemKey,
      body: body('{"__proto__":[{"name":"Cap","price":1}],"mug":[{"name":"Mug","price":2}]}'),
    });
    expect(dropped.status).toBe(400);
    expect(dropped.json.error.param).toBe("items.__proto__");
    const nested = await call(POST, {
      method: "POST",
      key: w.oemKey,
      body: body("{}").replace('"items":{}', '"placedOrderMetadata":{"a":{"__proto__":{"x":1}}}'),
    });
    expect(nested.status).toBe(400);
    expect(nested.json.error.param).toBe("placedOrderMetadata.a.__proto__");
  });

  it("takes item ids that are also names of Object.prototype members", async () => {
    const items = { constructor: [{ name: "Cap", price: 1 }], toString: [{ name: "Mug", price: 2 }] };
    const res = await post(acmeCart({ items }));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const got = await call(getCart, { key: w.oemKey, params: { id: res.json.checkoutCartId } });
    expect(got.json.items).toEqual(items);
  });

  it("placedOrderMetadata: at most 10 keys in all, nested keys included, and 2 levels", async () => {
    const keys = (n: number, prefix: string) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, i]));
    // 1 + 9 = 10 keys over two levels.
    expect((await post(acmeCart({ placedOrderMetadata: { utm: keys(9, "u") } }))).status).toBe(200);
    // 1 + 10 = 11: each object has at most 10, but together they have 11.
    const eleven = await post(acmeCart({ placedOrderMetadata: { utm: keys(10, "u") } }));
    expect(eleven.status).toBe(400);
    expect(eleven.json.error).toMatchObject({ param: "placedOrderMetadata", message: /10 keys in all/ });
    const deep = await post(acmeCart({ placedOrderMetadata: { a: { b: { c: 1 } } } }));
    expect(deep.json.error.message).toMatch(/2 levels/);
    // A pathologically deep body is a 400, never a crash.
    const nest = `${'{"n":'.repeat(20_000)}1${"}".repeat(20_000)}`;
    const body = JSON.stringify(acmeCart({ placedOrderMetadata: "NEST" })).replace('"NEST"', nest);
    const res = await call(POST, { method: "POST", key: w.oemKey, body });
    expect(res.status).toBe(400);
    expect(res.json.error.param).toBe("placedOrderMetadata");
  });
});

describe("withdrawing a cart by re-posting its id", () => {
  it("a native re-post withdraws the hosted cart: its link is no longer available; a hosted re-post revives it", async () => {
    const first = await post(acmeCart({ id: "acme-withdraw" }));
    const token = tokenOf(first.json.checkoutUrl);
    const native = await post(acmeCart({ id: "acme-withdraw", registrationState: "TX" }));
    expect(native.status).toBe(200);
    expect(native.json).toMatchObject({
      checkoutCartId: null,
      checkoutUrl: "https://shop.acme.example/checkout",
    });
    expect(native.json.message).toMatch(
      /registered in TX.*acme-withdraw posted earlier under this id is no longer available/,
    );
    expect(cartRow("acme-withdraw")?.deactivatedAt).toBeInstanceOf(Date);
    expect(loadCheckout(getDb(), token, null)?.inactive).toBe(true);
    expect(() => startCheckout(getDb(), token)).toThrow(/no longer available/);
    expect(eventTypes("acme-withdraw")).toEqual(["checkout_cart.created", "checkout_cart.deactivated"]);
    const got = await call(getCart, { key: w.oemKey, params: { id: "acme-withdraw" } });
    expect(got.json.deactivatedAt).toMatch(/Z$/);

    // Re-posting the same withdrawal records nothing new.
    await post(acmeCart({ id: "acme-withdraw", variants: [] }));
    expect(eventTypes("acme-withdraw")).toHaveLength(2);

    const again = await post(acmeCart({ id: "acme-withdraw" }));
    expect(again.json.checkoutUrl).toBe(first.json.checkoutUrl);
    expect(cartRow("acme-withdraw")?.deactivatedAt).toBeNull();
    expect(loadCheckout(getDb(), token, null)?.inactive).toBe(false);
  });

  it("a native post under another OEM's cart id goes native and leaves that cart alone, saying nothing of it", async () => {
    await post(acmeCart({ id: "acme-mine" }));
    const other = insertOem(getDb(), { name: "Rival", oemKey: "rival" });
    const body = { ...acmeCart({ id: "acme-mine", variants: [] }), oemKey: "rival" };
    const res = await post(body, oemApiKey(getDb(), other.id));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ checkoutCartId: null, checkoutUrl: body.nativeDefaultCheckoutUrl });
    expect(res.json.message).not.toMatch(/acme-mine|no longer available/);
    expect(cartRow("acme-mine")?.deactivatedAt).toBeNull();
  });
});

describe("the contract's own paths", () => {
  it("create carts at /checkoutCart_oncreate_v2 and /checkoutCart_oncreate (and under /v1)", async () => {
    const routes = [
      [postContractV2, "/checkoutCart_oncreate_v2"],
      [postContract, "/checkoutCart_oncreate"],
      [postV1V2, "/v1/checkoutCart_oncreate_v2"],
      [postV1, "/v1/checkoutCart_oncreate"],
    ] as const;
    for (const [handler, path] of routes) {
      const res = await call(handler, { method: "POST", key: w.oemKey, body: acmeCart(), path });
      expect(res.status, path).toBe(200);
      expect(cartRow(res.json.checkoutCartId)?.oemId, path).toBe(w.acmeId);
    }
  });
});
