import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { insertRow, selectRows, statement } from "@/db/raw";
import {
  type CheckoutCart,
  type CheckoutProgress,
  type CheckoutSession,
  checkoutCarts,
  checkoutSessions,
  type PaymentOption,
  type PlacedOrder,
  placedOrders,
} from "@/db/schema";
import type { PublicActor } from "@/lib/platform/actor";
import { nowMs } from "@/lib/platform/clock";
import { AppError, conflict, invalid, notFound } from "@/lib/platform/errors";
import { recordChange } from "@/lib/platform/events";
import { dealerRef } from "@/lib/platform/identity/dealers";
import { newId, newPublicToken } from "@/lib/platform/ids";
import { cardFormSchema, chargeTestCard } from "@/lib/platform/test-cards";
import { parseInput } from "@/lib/platform/validation";
import { type DealerRow, hostedStates, oemDealerRows } from "./oem-catalog";
import {
  initialPaymentStatus,
  offeredOptions,
  PAYMENT_OPTION_LABELS,
  type PaymentTerms,
  paymentFor,
  priceCart,
} from "./pricing";
import { fulfillingDealerFor } from "./routing";
import {
  buyerStepSchema,
  deliveryStepSchema,
  paymentOptionStepSchema,
  payShownSchema,
  registrationStepSchema,
} from "./schema";
import { serializeCart } from "./serialize";
import { placedOrderDto, toOem } from "./service";

/**
 * The buyer's hosted checkout. No account: the cart's link token finds the cart, and a per-buyer
 * session secret (a cookie set when the buyer starts) holds their answers, so a MULTI_USE link can
 * serve many buyers while a SINGLE_USE link places one order. Every price is computed here from
 * the stored cart and the buyer's choices, at every step; nothing the browser sends is a price.
 */

const IMMEDIATE = { behavior: "immediate" } as const;
/** Re-opening the link refreshes "last activity" at most this often (reads stay reads). */
const ACTIVITY_RESOLUTION_MS = 60_000;

export type CheckoutStep = "buyer" | "delivery" | "registration" | "payment" | "pay";
export const CHECKOUT_STEPS: readonly CheckoutStep[] = [
  "buyer",
  "delivery",
  "registration",
  "payment",
  "pay",
];

const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

const buyerActor = (dealerId: string): PublicActor => ({
  kind: "public",
  dealerId,
  label: "Buyer (checkout link)",
  role: null,
  scopes: [],
});

function cartByToken(db: DbOrTx, token: string): CheckoutCart {
  const [cart] = token.length <= 100 ? selectRows(db, checkoutCarts, "where token = ?", token) : [];
  if (!cart) throw notFound("checkout");
  return cart;
}

function sessionOf(
  db: DbOrTx,
  cart: CheckoutCart,
  secret: string | null | undefined,
): CheckoutSession | null {
  if (!secret) return null;
  const [s] = selectRows(
    db,
    checkoutSessions,
    "where secret_hash = ? and cart_id = ?",
    hashSecret(secret),
    cart.id,
  );
  return s ?? null;
}

const termsOf = (cart: CheckoutCart): PaymentTerms => ({
  override: cart.customLinkConfig?.checkoutPaymentOverride ?? null,
  fullPaymentDiscountPerc: cart.customLinkConfig?.fullPaymentDiscountPerc ?? null,
  checkoutDownPaymentPerc: cart.customLinkConfig?.checkoutDownPaymentPerc ?? null,
});

function oemName(db: DbOrTx, oemId: string): { name: string; oemKey: string } {
  return statement(db, "select name, oem_key as oemKey from oems where id = ?").get(oemId) as {
    name: string;
    oemKey: string;
  };
}

/** The first step the buyer has not completed: they can go back, never skip ahead. */
export function firstIncomplete(p: CheckoutProgress): CheckoutStep {
  if (!p.buyer) return "buyer";
  if (!p.delivery) return "delivery";
  if (!p.registration) return "registration";
  if (!p.paymentOption) return "payment";
  return "pay";
}

/**
 * Marks the cart opened when a buyer really opens its link (a funnel step, with its event): the
 * page's beacon after hydration, or "Start checkout". Rendering the page does not count, so link
 * previews (chat apps, bots that fetch the HTML) do not inflate the funnel. Later calls only
 * refresh "last activity".
 */
export function openCheckout(db: Db, token: string): void {
  markOpened(db, cartByToken(db, token));
}

function markOpened(db: Db, cart: CheckoutCart): void {
  if (cart.deactivatedAt) return;
  const now = nowMs();
  if (cart.status === "created") {
    db.transaction((tx) => {
      const changed = statement(
        tx,
        "update checkout_carts set status = 'opened', opened_at = ?, last_activity_at = ?, updated_at = ? where id = ? and status = 'created'",
      ).run(now, now, now, cart.id).changes;
      if (!changed) return;
      const [opened] = selectRows(tx, checkoutCarts, "where id = ?", cart.id);
      const oem = oemName(tx, cart.oemId);
      recordChange(tx, {
        dealerId: cart.dealerId,
        actor: buyerActor(cart.dealerId),
        subject: { type: "checkout_cart", id: cart.id },
        from: "created",
        to: "opened",
        note: "The buyer opened the checkout link",
        event: {
          name: "checkout_cart.opened",
          type: "checkout_cart",
          data: serializeCart(
            opened,
            { id: cart.oemId, oemKey: oem.oemKey },
            dealerRef(tx, cart.dealerId),
            now,
          ),
          ...toOem(cart.oemId),
        },
      });
    }, IMMEDIATE);
  } else if (!cart.lastActivityAt || now - cart.lastActivityAt.getTime() > ACTIVITY_RESOLUTION_MS) {
    touch(db, cart.id, now);
  }
}

function touch(db: DbOrTx, cartId: string, now = nowMs()) {
  statement(db, "update checkout_carts set last_activity_at = ? where id = ?").run(now, cartId);
}

export interface CheckoutView {
  cartId: string;
  /** Bumped each time the OEM overwrites the cart: the Pay button posts the one it showed. */
  revision: number;
  dealerId: string;
  oemName: string;
  /** Who fulfils this buyer's order: the order's dealer once placed, else as their choices stand. */
  dealerName: string;
  cancelUrl: string;
  linkName: string | null;
  linkUseType: "SINGLE_USE" | "MULTI_USE";
  registrationState: string | null;
  vehicles: CheckoutCart["vehicles"];
  items: CheckoutCart["items"];
  prefilled: NonNullable<CheckoutCart["customLinkConfig"]>["prefilledInfo"] | null;
  pickUpDealers: { id: string; name: string; slug: string }[];
  registrationStates: string[];
  started: boolean;
  progress: CheckoutProgress;
  /** The SINGLE_USE link already produced its order (placed by someone else, or earlier). */
  used: boolean;
  /** The OEM withdrew the cart (re-posted its id as a cart not checked out here). */
  inactive: boolean;
  placedOrder: PlacedOrder | null;
  prices: ReturnType<typeof priceCart>;
  options: ReturnType<typeof paymentFor>[];
  chosen: ReturnType<typeof paymentFor> | null;
}

/** Everything the checkout page shows, priced now. Null for an unknown token. Reads only. */
export function loadCheckout(db: Db, token: string, secret: string | null): CheckoutView | null {
  const [cart] = token.length <= 100 ? selectRows(db, checkoutCarts, "where token = ?", token) : [];
  if (!cart) return null;
  const session = sessionOf(db, cart, secret);
  const placedOrder = session?.placedOrderId
    ? (selectRows(db, placedOrders, "where id = ?", session.placedOrderId)[0] ?? null)
    : null;
  const progress = session?.progress ?? {};
  const dealers = oemDealerRows(db, cart.oemId);
  const fulfiller = placedOrder
    ? dealerRef(db, placedOrder.dealerId)
    : progress.delivery
      ? nameOf(
          fulfillingDealerFor(
            dealers,
            progress.delivery,
            progress.registration?.address.state ?? cart.registrationState,
          ),
        )
      : null;
  const prices = priceCart({
    vehicles: cart.vehicles,
    items: cart.items,
    delivery: progress.delivery?.method,
  });
  const terms = termsOf(cart);
  const options = offeredOptions(terms).map((o) => paymentFor(prices, o, terms));
  return {
    cartId: cart.id,
    revision: cart.revision,
    dealerId: cart.dealerId,
    oemName: oemName(db, cart.oemId).name,
    dealerName: (fulfiller ?? dealerRef(db, cart.dealerId)).name,
    cancelUrl: cart.cancelUrl,
    linkName: cart.customLinkConfig?.linkName ?? null,
    linkUseType: cart.linkUseType,
    registrationState: cart.registrationState,
    vehicles: cart.vehicles,
    items: cart.items,
    prefilled: cart.customLinkConfig?.prefilledInfo ?? null,
    pickUpDealers: dealers.map((d) => ({ id: d.dealerId, name: d.name, slug: d.slug })),
    registrationStates: cart.registrationState
      ? [cart.registrationState]
      : [...hostedStates(db, cart.oemId)].sort(),
    started: Boolean(session),
    progress,
    used: cart.linkUseType === "SINGLE_USE" && cart.status === "placed",
    inactive: cart.deactivatedAt !== null,
    placedOrder,
    prices,
    options,
    chosen: options.find((o) => o.option === progress.paymentOption) ?? null,
  };
}

const nameOf = (d: DealerRow | null) => (d ? { id: d.dealerId, name: d.name } : null);

function assertUsable(cart: CheckoutCart) {
  if (cart.deactivatedAt) throw conflict("This checkout is no longer available.", "link_inactive");
  if (cart.linkUseType === "SINGLE_USE" && cart.status === "placed")
    throw conflict("This checkout link has already been used.", "link_used");
}

/**
 * "Start checkout" (and "Start another order" after a MULTI_USE order): the buyer's session,
 * whose secret the browser keeps in a cookie. A browser that already has an unfinished session
 * on this cart gets it back, so clicking again never piles up sessions; one whose order is
 * placed gets a new one. It also counts as opening the link.
 */
export function startCheckout(db: Db, token: string, currentSecret?: string | null): { secret: string } {
  const cart = cartByToken(db, token);
  assertUsable(cart);
  markOpened(db, cart);
  const current = sessionOf(db, cart, currentSecret);
  if (current && !current.placedOrderId && currentSecret) return { secret: currentSecret };
  const secret = newPublicToken();
  const now = new Date(nowMs());
  insertRow(db, checkoutSessions, {
    id: newId("cks"),
    cartId: cart.id,
    secretHash: hashSecret(secret),
    progress: {},
    placedOrderId: null,
    createdAt: now,
    updatedAt: now,
  });
  touch(db, cart.id, now.getTime());
  return { secret };
}

/**
 * Throws unless this browser's session can still work on the cart (same errors as the steps).
 * The step action runs it before it even reads the form.
 */
export function assertCheckoutSession(db: Db, token: string, secret: string | null): void {
  liveSession(db, cartByToken(db, token), secret);
}

function liveSession(db: DbOrTx, cart: CheckoutCart, secret: string | null | undefined): CheckoutSession {
  const session = sessionOf(db, cart, secret);
  if (!session)
    throw new AppError({ type: "not_found", code: "session_missing", message: "Start the checkout again." });
  if (session.placedOrderId) throw conflict("You already placed this order.", "already_placed");
  assertUsable(cart);
  return session;
}

function checkRegistrationState(cart: CheckoutCart, hosted: Set<string>, state: string, param: string) {
  if (cart.registrationState && state !== cart.registrationState)
    throw invalid(param, `This checkout is for vehicles registered in ${cart.registrationState}.`);
  if (!hosted.has(state))
    throw invalid(param, `We cannot register vehicles in ${state} through this checkout.`);
}

function checkPickUp(dealers: DealerRow[], dealerId: string | undefined, param: string) {
  if (!dealers.some((d) => d.dealerId === dealerId))
    throw invalid(param, "Choose one of the listed dealers.");
}

/** Saves one step's answers to the buyer's session (validated; nothing is priced from the form). */
export function saveCheckoutStep(
  db: Db,
  token: string,
  secret: string | null,
  step: CheckoutStep,
  input: unknown,
) {
  const cart = cartByToken(db, token);
  const session = liveSession(db, cart, secret);
  const progress: CheckoutProgress = { ...session.progress };
  if (step === "buyer") {
    progress.buyer = parseInput(buyerStepSchema, input);
  } else if (step === "delivery") {
    const d = parseInput(deliveryStepSchema, input);
    if (d.method === "PICK_UP") {
      checkPickUp(oemDealerRows(db, cart.oemId), d.pickUpDealerId, "pickUpDealerId");
      progress.delivery = { method: "PICK_UP", pickUpDealerId: d.pickUpDealerId };
    } else {
      progress.delivery = { method: "SHIP", shippingAddress: d.shippingAddress };
    }
  } else if (step === "registration") {
    const r = parseInput(registrationStepSchema, input);
    checkRegistrationState(cart, hostedStates(db, cart.oemId), r.address.state, "address.state");
    progress.registration = {
      type: r.type,
      businessName: r.type === "BUSINESS" ? r.businessName : undefined,
      address: r.address,
      mailingAddress: r.mailingSameAsRegistration || !r.mailingAddress ? r.address : r.mailingAddress,
    };
  } else if (step === "payment") {
    const { option } = parseInput(paymentOptionStepSchema, input);
    if (!offeredOptions(termsOf(cart)).includes(option))
      throw invalid("option", "This checkout does not offer that payment option.");
    progress.paymentOption = option;
  } else {
    throw invalid("step", "Unknown step.");
  }
  const now = nowMs();
  statement(db, "update checkout_sessions set progress = ?, updated_at = ? where id = ?").run(
    JSON.stringify(progress),
    now,
    session.id,
  );
  touch(db, cart.id, now);
  return { next: firstIncomplete(progress) };
}

const money = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

function confirmationEmail(order: PlacedOrder, oem: string, dealer: string): string {
  const vehicles = order.vehicles.map((v) => `- ${v.modelYear} ${v.name} (${v.variantConfigId})`).join("\n");
  return [
    `Hi ${order.buyer.firstName},`,
    "",
    `Thank you for your order ${order.id} with ${oem}.`,
    vehicles,
    "",
    `Paid today: ${money(order.paidCents)} (${order.cardBrand} ending ${order.cardLast4}). Total: ${money(order.totalCents)}.`,
    `${dealer} will contact you about ${order.delivery.method === "SHIP" ? "shipping" : "pick-up"}.`,
  ].join("\n");
}

/**
 * The placed order's `typeOfOrder` (spec: preorder, buildToOrder, inventoryOrder). A cart for or
 * from a preorder (ANTE_PREORDER, PREORDER, or a preorderId) is a preorder; any other cart is
 * built to order. Nothing in a cart can make it an inventoryOrder: it names configurations
 * (variantConfigIds), never a stock unit such as a VIN, and the spec gives no rule for it.
 */
const typeOfOrder = (cart: CheckoutCart) =>
  cart.orderCreationType === "PREORDER" || cart.orderCreationType === "ANTE_PREORDER" || cart.preorderId
    ? ("preorder" as const)
    : ("buildToOrder" as const);

/** The Pay button's amount or the cart changed since the page showed it: nothing is charged. */
function checkShown(
  cart: CheckoutCart,
  dueNowCents: number,
  shown: { cartRevision: number; shownDueNowCents: number },
) {
  if (dueNowCents !== shown.shownDueNowCents)
    throw conflict("Prices changed, review the new total.", "price_changed", "shownDueNowCents");
  if (cart.revision !== shown.cartRevision)
    throw conflict("Your order was updated, review it before you pay.", "cart_changed", "cartRevision");
}

/**
 * Pays with the test-mode card and, when approved, places the order: the placed order (with the
 * cart's metadata, ecomm ids and source), the cart marked placed, timeline entries and events, in
 * one transaction. A decline is recorded (timeline + event) and answered with its reason. The
 * form posts the cart revision and the amount its Pay button showed; if either changed, nothing
 * is charged. The order goes to the dealer who fulfils it (fulfillingDealerFor), which may not be
 * the dealer the cart was routed to: its staff work it and its webhooks hear about it.
 */
export function payCheckout(
  db: Db,
  token: string,
  secret: string | null,
  input: unknown,
): { placedOrderId: string } {
  const result = db.transaction((tx) => {
    const cart = cartByToken(tx, token);
    const session = liveSession(tx, cart, secret);
    const card = parseInput(cardFormSchema, input);
    const shown = parseInput(payShownSchema, input);
    const p = session.progress;
    const missing = firstIncomplete(p);
    if (missing !== "pay" || !p.buyer || !p.delivery || !p.registration || !p.paymentOption)
      throw invalid(missing, `Complete the ${missing} step first.`, "step_incomplete");
    const option: PaymentOption = p.paymentOption;
    const terms = termsOf(cart);
    if (!offeredOptions(terms).includes(option)) throw invalid("payment", "Choose a payment option again.");
    const dealers = oemDealerRows(tx, cart.oemId);
    if (p.delivery.method === "PICK_UP") checkPickUp(dealers, p.delivery.pickUpDealerId, "delivery");
    checkRegistrationState(cart, hostedStates(tx, cart.oemId), p.registration.address.state, "registration");
    const prices = priceCart({ vehicles: cart.vehicles, items: cart.items, delivery: p.delivery.method });
    const payment = paymentFor(prices, option, terms);
    checkShown(cart, payment.amounts.dueNowCents, shown);
    const outcome = chargeTestCard(card.cardNumber);
    const oem = oemName(tx, cart.oemId);
    const cartDealer = dealerRef(tx, cart.dealerId);
    const now = new Date(nowMs());
    if (!outcome.approved) {
      recordChange(tx, {
        dealerId: cart.dealerId,
        actor: buyerActor(cart.dealerId),
        subject: { type: "checkout_cart", id: cart.id },
        note: `Card ending ${outcome.last4} declined`,
        event: {
          name: "checkout_cart.payment_failed",
          type: "checkout_cart",
          data: serializeCart(cart, { id: cart.oemId, oemKey: oem.oemKey }, cartDealer, now.getTime()),
          ...toOem(cart.oemId),
        },
      });
      touch(tx, cart.id, now.getTime());
      return { placedOrderId: null, declined: outcome.reason };
    }
    const dealer =
      nameOf(fulfillingDealerFor(dealers, p.delivery, p.registration.address.state)) ?? cartDealer;
    const order: PlacedOrder = {
      id: newId("po"),
      cartId: cart.id,
      dealerId: dealer.id,
      oemId: cart.oemId,
      typeOfOrder: typeOfOrder(cart),
      orderCreationType: cart.orderCreationType,
      source: cart.source,
      ecommUserId: cart.ecommUserId,
      ecommOrderId: cart.ecommOrderId,
      metadata: cart.placedOrderMetadata,
      paymentOption: option,
      paymentStatus: initialPaymentStatus(option),
      fulfillmentStatus: "UNFULFILLED",
      buyer: p.buyer,
      delivery: p.delivery,
      registration: p.registration,
      vehicles: cart.vehicles,
      items: cart.items,
      amounts: payment.amounts,
      totalCents: payment.amounts.totalCents,
      paidCents: payment.amounts.dueNowCents,
      cardBrand: outcome.brand,
      cardLast4: outcome.last4,
      createdAt: now,
      updatedAt: now,
    };
    insertRow(tx, placedOrders, order);
    tx.update(checkoutSessions)
      .set({ placedOrderId: order.id, updatedAt: now })
      .where(eq(checkoutSessions.id, session.id))
      .run();
    const firstOrder = cart.status !== "placed";
    const placedCart = tx
      .update(checkoutCarts)
      .set({ status: "placed", placedAt: cart.placedAt ?? now, lastActivityAt: now, updatedAt: now })
      .where(eq(checkoutCarts.id, cart.id))
      .returning()
      .get();
    const buyerName = `${p.buyer.firstName} ${p.buyer.lastName}`;
    const elsewhere = dealer.id !== cart.dealerId ? `, fulfilled by ${dealer.name}` : "";
    recordChange(tx, {
      dealerId: cart.dealerId,
      actor: buyerActor(cart.dealerId),
      subject: { type: "checkout_cart", id: cart.id },
      from: firstOrder ? cart.status : null,
      to: firstOrder ? "placed" : null,
      // The buyer and the card stay in the order's own history: a shared cart's history is read by
      // the cart's dealer, who may not be the one fulfilling this order.
      note: `Order ${order.id} placed${elsewhere}`,
      data: { placedOrderId: order.id },
      event: firstOrder
        ? {
            name: "checkout_cart.placed",
            type: "checkout_cart",
            data: serializeCart(
              placedCart,
              { id: cart.oemId, oemKey: oem.oemKey },
              cartDealer,
              now.getTime(),
            ),
            ...toOem(cart.oemId),
          }
        : undefined,
    });
    recordChange(tx, {
      dealerId: dealer.id,
      actor: buyerActor(dealer.id),
      subject: { type: "placed_order", id: order.id },
      to: order.fulfillmentStatus,
      note: `Placed by ${buyerName}: ${PAYMENT_OPTION_LABELS[option].toLowerCase()}, ${order.paymentStatus}`,
      event: {
        name: "placed_order.created",
        type: "placed_order",
        data: placedOrderDto(tx, order),
        ...toOem(cart.oemId),
      },
      notify: [
        {
          channel: "email",
          to: p.buyer.email,
          subject: `Your ${oem.name} order ${order.id}`,
          body: confirmationEmail(order, oem.name, dealer.name),
        },
      ],
    });
    return { placedOrderId: order.id, declined: null };
  }, IMMEDIATE);
  if (result.placedOrderId === null) {
    throw new AppError({
      type: "invalid_request_error",
      code: "card_declined",
      message: result.declined ?? "Your card was declined.",
      param: "cardNumber",
      status: 402,
    });
  }
  return { placedOrderId: result.placedOrderId };
}
