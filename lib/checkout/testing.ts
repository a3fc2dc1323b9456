import type { Db } from "@/db/client";
import type { PaymentOption, PostalAddress } from "@/db/schema";
import { loadCheckout, payCheckout, saveCheckoutStep, startCheckout } from "./checkout-flow";

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
