import type { Db } from "@/db/client";
import type { PaymentOption, PostalAddress } from "@/db/schema";
import { insertApiKey } from "@/lib/platform/identity/api-keys";
import { makeApiKey, makeDealer } from "@/lib/testing/harness";
import { loadCheckout, payCheckout, saveCheckoutStep, startCheckout } from "./checkout-flow";
import {
  insertOem,
  writeAccessory,
  writeOemBrand,
  writeOemDealer,
  writeOemStates,
  writeProduct,
} from "./oem-config";

/** Test helpers: a buyer walking through the hosted checkout the way the page does. */

export const RICHMOND: PostalAddress = {
  street: "1200 W Broad St",
  city: "Richmond",
  state: "VA",
  zip: "23220",
};

export const tokenOf = (checkoutUrl: string) => new URL(checkoutUrl).pathname.split("/").pop() as string;

/** Starts a session and completes every step up to the card; returns the session secret. */
export function completeSteps(
  db: Db,
  token: string,
  opts: {
    delivery:
      | { method: "PICK_UP"; pickUpDealerId: string }
      | { method: "SHIP"; shippingAddress: PostalAddress };
    address?: PostalAddress;
    option?: PaymentOption;
    secret?: string;
  },
): string {
  const { secret } = startCheckout(db, token, opts.secret);
  saveCheckoutStep(db, token, secret, "buyer", {
    firstName: "Pat",
    lastName: "Buyer",
    email: "pat@example.com",
    phone: "804-555-0100",
  });
  saveCheckoutStep(db, token, secret, "delivery", opts.delivery);
  saveCheckoutStep(db, token, secret, "registration", {
    type: "INDIVIDUAL",
    address: opts.address ?? RICHMOND,
    mailingSameAsRegistration: true,
  });
  saveCheckoutStep(db, token, secret, "payment", { option: opts.option ?? "CHECKOUT_FULL_PAYMENT" });
  return secret;
}

/** What the pay page shows this buyer: the hidden fields its form posts. */
export function shownOnPayPage(db: Db, token: string, secret: string) {
  const view = loadCheckout(db, token, secret);
  return { cartRevision: view?.revision, shownDueNowCents: view?.chosen?.amounts.dueNowCents };
}

export const testCard = (cardNumber: string) => ({
  cardName: "Pat Buyer",
  cardNumber,
  cardExpiry: "12/39",
  cardCvc: "123",
});

/** Pays the amount the page shows, as the Pay button does. */
export function payAsShown(db: Db, token: string, secret: string, cardNumber = "4242 4242 4242 4242") {
  return payCheckout(db, token, secret, { ...testCard(cardNumber), ...shownOnPayPage(db, token, secret) });
}

/**
 * The API tests' world: dealers alpha (VA, the default) and beta (CA) fulfil Acme Cars, hosted
 * in VA and CA; Acme sells a Roadster with two accessories. Keys: Acme's, and each dealer's.
 */
export function seedAcme(db: Db) {
  const alphaId = makeDealer("alpha").id;
  const betaId = makeDealer("beta").id;
  const acme = insertOem(db, { name: "Acme Cars", oemKey: "acme" });
  writeOemBrand(db, acme.id, { brandKey: "acme", name: "Acme" });
  writeOemStates(db, acme.id, { states: ["VA", "CA"] });
  writeOemDealer(db, acme.id, { dealer: "alpha", states: ["VA"], isDefault: true });
  writeOemDealer(db, acme.id, { dealer: "beta", states: ["CA"] });
  writeProduct(db, acme.id, {
    productId: "ROADSTER",
    name: "Roadster",
    modelYear: 2026,
    basePrice: 40000,
    brandKey: "acme",
  });
  writeAccessory(db, acme.id, { productId: "ROADSTER", name: "Roof Rack", price: 500 });
  writeAccessory(db, acme.id, { productId: "ROADSTER", name: "All-Weather Mats", price: 200 });
  return {
    acmeId: acme.id,
    alphaId,
    betaId,
    oemKey: oemApiKey(db, acme.id),
    alphaKey: makeApiKey(alphaId),
    betaKey: makeApiKey(betaId),
  };
}

export const oemApiKey = (db: Db, oemId: string) =>
  insertApiKey(db, { dealerId: null, oemId }, { name: "shop", scopes: ["*"] }, null).key;

/** A cart body for Acme's shop. */
export const acmeCart = (over: Record<string, unknown> = {}) => ({
  oemKey: "acme",
  variants: [{ variantConfigId: "ROADSTER-AllWeatherMats-RoofRack", metadata: { color: "red" } }],
  cancelUrl: "https://shop.acme.example/cart",
  nativeDefaultCheckoutUrl: "https://shop.acme.example/checkout",
  registrationState: "VA",
  ...over,
});
