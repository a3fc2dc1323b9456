import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { checkoutCarts, checkoutSessions, placedOrders } from "@/db/schema";
import { loadCheckout } from "@/lib/checkout/checkout-flow";
import { insertOem, writeOemDealer, writeOemStates, writeProduct } from "@/lib/checkout/oem-config";
import { createCheckoutCart } from "@/lib/checkout/service";
import { RICHMOND, tokenOf } from "@/lib/checkout/testing";
import type { ApiKeyActor } from "@/lib/platform/actor";
import { type FormState, idleState as idle } from "@/lib/platform/form-state";
import { makeDealer, useTempDatabase } from "@/lib/testing/harness";
import { SESSION_COOKIE } from "./form-input";

// The buyer's browser: a cookie jar the actions read and write, and redirects as thrown values.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => jar.set(name, value),
  }),
  headers: async () => new Headers(),
}));
class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));
const revalidatePath = vi.fn();
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => revalidatePath(p) }));

const { openedAction, payAction, saveStepAction, startCheckoutAction } = await import("./actions");
type CheckoutState = Parameters<typeof payAction>[0];
const idleState = idle as FormState<unknown> as CheckoutState;

let env: ReturnType<typeof useTempDatabase>;
let shop: ApiKeyActor;
let dealerId: string;

beforeAll(() => {
  env = useTempDatabase();
  const db = getDb();
  dealerId = makeDealer("alpha").id;
  const oem = insertOem(db, { name: "Acme", oemKey: "acme" });
  writeOemStates(db, oem.id, { states: ["VA"] });
  writeOemDealer(db, oem.id, { dealer: "alpha", states: ["VA"], isDefault: true });
  writeProduct(db, oem.id, { productId: "CAR", name: "Car", modelYear: 2026, basePrice: 30000 });
  shop = {
    kind: "apiKey",
    keyId: "k",
    dealerId: null,
    oemId: oem.id,
    role: null,
    scopes: ["*"],
    label: "shop",
  };
});
afterAll(() => env.cleanup());
afterEach(() => {
  jar.clear();
  delete (Object.prototype as Record<string, unknown>).polluted;
});

const newCart = (over: Record<string, unknown> = {}) =>
  createCheckoutCart(getDb(), shop, {
    oemKey: "acme",
    variants: [{ variantConfigId: "CAR" }],
    registrationState: "VA",
    cancelUrl: "https://acme.example/cart",
    nativeDefaultCheckoutUrl: "https://acme.example/checkout",
    ...over,
  });

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

/** Runs an action; a redirect comes back as its URL. */
async function run<T>(fn: () => Promise<T>): Promise<T | { redirect: string }> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Redirect) return { redirect: e.url };
    throw e;
  }
}

const cartRow = (id: string) =>
  getDb()
    .select()
    .from(checkoutCarts)
    .all()
    .find((c) => c.id === id)!;
const sessions = (cartId: string) =>
  getDb()
    .select()
    .from(checkoutSessions)
    .all()
    .filter((s) => s.cartId === cartId);

async function start(token: string) {
  return run(() => startCheckoutAction(idleState, form({ token })));
}

async function step(token: string, name: string, fields: Record<string, string>) {
  return run(() => saveStepAction(idleState, form({ token, step: name, ...fields })));
}

async function toPayStep(token: string) {
  await start(token);
  await step(token, "buyer", {
    firstName: "Pat",
    lastName: "Buyer",
    email: "pat@example.com",
    phone: "804-555-0100",
  });
  await step(token, "delivery", { method: "PICK_UP", pickUpDealerId: dealerId });
  await step(token, "registration", {
    type: "INDIVIDUAL",
    "address.street": RICHMOND.street,
    "address.city": RICHMOND.city,
    "address.state": RICHMOND.state,
    "address.zip": RICHMOND.zip,
    mailingSameAsRegistration: "on",
  });
  await step(token, "payment", { option: "STANDARD_RESERVATION" });
}

/** The Pay button, as the page rendered it in `shown`. */
const pay = (token: string, shown: NonNullable<ReturnType<typeof loadCheckout>>) =>
  run(() =>
    payAction(
      idleState,
      form({
        token,
        cardName: "Pat Buyer",
        cardNumber: "4242 4242 4242 4242",
        cardExpiry: "12/39",
        cardCvc: "123",
        cartRevision: String(shown.revision),
        shownDueNowCents: String(shown.chosen!.amounts.dueNowCents),
      }),
    ),
  );

describe("the buyer's checkout actions", () => {
  it("a step posted without a session reads nothing from the form and pollutes nothing", async () => {
    const { checkoutUrl } = newCart();
    const token = tokenOf(checkoutUrl);
    const r = await step(token, "buyer", { "__proto__.polluted": "yes", firstName: "Eve" });
    expect(r).toEqual({ redirect: `/checkout/${token}` });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("with a session, prototype names are ignored and the step is validated and saved", async () => {
    const { checkoutUrl, checkoutCartId } = newCart();
    const token = tokenOf(checkoutUrl);
    expect(await start(token)).toEqual({ redirect: `/checkout/${token}?step=buyer` });
    const bad = await step(token, "buyer", {
      "__proto__.polluted": "yes",
      "constructor.prototype.polluted": "yes",
      firstName: "Pat",
      email: "pat@",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(bad).toMatchObject({
      status: "error",
      fieldErrors: { email: "Enter a valid email address.", lastName: expect.any(String) },
      values: { firstName: "Pat", email: "pat@" },
    });
    const ok = await step(token, "buyer", {
      firstName: "Pat",
      lastName: "Buyer",
      email: "pat@example.com",
      phone: "804-555-0100",
    });
    expect(ok).toEqual({ redirect: `/checkout/${token}?step=delivery` });
    expect(sessions(checkoutCartId!)[0].progress.buyer?.lastName).toBe("Buyer");
  });

  it("an unknown step is a field error, not a crash", async () => {
    const { checkoutUrl } = newCart();
    const token = tokenOf(checkoutUrl);
    await start(token);
    expect(await step(token, "discount", { code: "FREE" })).toMatchObject({
      status: "error",
      fieldErrors: { step: "Unknown step." },
    });
  });

  it("'Start checkout' again in the same browser keeps its session; after a MULTI_USE order it starts another", async () => {
    const { checkoutUrl, checkoutCartId } = newCart();
    const token = tokenOf(checkoutUrl);
    await start(token);
    const first = jar.get(SESSION_COOKIE);
    await start(token);
    await start(token);
    expect(jar.get(SESSION_COOKIE)).toBe(first);
    expect(sessions(checkoutCartId!)).toHaveLength(1);

    await toPayStep(token);
    const view = loadCheckout(getDb(), token, jar.get(SESSION_COOKIE)!)!;
    const paid = await pay(token, view);
    expect(paid).toEqual({ redirect: `/checkout/${token}?step=done` });
    // "Start another order" from the confirmation: a fresh session for the next order.
    await start(token);
    expect(jar.get(SESSION_COOKIE)).not.toBe(first);
    expect(sessions(checkoutCartId!)).toHaveLength(2);
  });

  it("refuses to charge when the price changed since the Pay button showed it, and shows the new total", async () => {
    const { checkoutUrl, checkoutCartId } = newCart({ id: "price-change" });
    const token = tokenOf(checkoutUrl);
    await toPayStep(token);
    const before = loadCheckout(getDb(), token, jar.get(SESSION_COOKIE)!)!;
    // The OEM re-posts the cart with two vehicles while the buyer is on the card form.
    newCart({ id: "price-change", variants: [{ variantConfigId: "CAR" }, { variantConfigId: "CAR" }] });
    revalidatePath.mockClear();
    const r = await pay(token, before);
    expect(r).toMatchObject({
      status: "error",
      message: "Prices changed, review the new total.",
      values: { cardName: "Pat Buyer" },
    });
    expect(revalidatePath).toHaveBeenCalledWith(`/checkout/${token}`);
    const after = loadCheckout(getDb(), token, jar.get(SESSION_COOKIE)!)!;
    expect(after.chosen!.amounts.dueNowCents).toBe(2 * before.chosen!.amounts.dueNowCents);
    expect(
      getDb()
        .select()
        .from(placedOrders)
        .all()
        .filter((o) => o.cartId === checkoutCartId),
    ).toEqual([]);
  });

  it("rendering does not open the cart; the beacon and 'Start checkout' do", async () => {
    const a = newCart();
    loadCheckout(getDb(), tokenOf(a.checkoutUrl), null);
    expect(cartRow(a.checkoutCartId!).status).toBe("created");
    await openedAction(tokenOf(a.checkoutUrl));
    expect(cartRow(a.checkoutCartId!).status).toBe("opened");
    await expect(openedAction("not-a-token")).resolves.toBeUndefined();

    const b = newCart();
    await start(tokenOf(b.checkoutUrl));
    expect(cartRow(b.checkoutCartId!).status).toBe("opened");
  });
});
