import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { insertRow } from "@/db/raw";
import {
  type Contact,
  deals,
  type LineItem,
  payments,
  type Quote,
  quotes,
  type ServiceOrder,
  type ServiceOrderStatus,
  searchCandidates,
  serviceOrders,
} from "@/db/schema";
import { type Actor, dealerOf, requireRole, requireScope } from "@/lib/platform/actor";
import { nowMs } from "@/lib/platform/clock";
import { AppError, conflict, forbidden, invalid, notFound } from "@/lib/platform/errors";
import { recordChange } from "@/lib/platform/events";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { newId, newPublicToken } from "@/lib/platform/ids";
import { toCents, toDollars } from "@/lib/platform/money";
import type { NotificationInput } from "@/lib/platform/notifications/enqueue";
import { cardFormSchema, chargeTestCard } from "@/lib/platform/test-cards";
import { parseInput } from "@/lib/platform/validation";
import { formatShortDateTime } from "@/lib/platform/zoned-time";
import { isOps, orderDealerFilter } from "./access";
import { canTransition, emailsContact, eventForStatus } from "./lifecycle";
import {
  conciergeBuyItems,
  conciergeSearchItems,
  durationMinutes,
  estimateFrom,
  reconItems,
  totalCents,
} from "./pricing";
import { quoteEstimate, quoteStatus } from "./quote-state";
import {
  buyFromCandidateSchema,
  cancelQuoteSchema,
  candidateSchema,
  createOrderSchema,
  createQuoteSchema,
  payQuoteSchema,
  updateOrderSchema,
} from "./schema";
import { type QuoteDto, serializeCandidate, serializeOrder, serializeQuote } from "./serialize";

const QUOTE_TTL_MS = 30 * 24 * 3_600_000;
const IMMEDIATE = { behavior: "immediate" } as const;

function assertDeal(tx: DbOrTx, dealerId: string, dealId: string | undefined): string | null {
  if (!dealId) return null;
  const deal = tx
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.id, dealId), eq(deals.dealerId, dealerId)))
    .get();
  if (!deal)
    throw new AppError({
      type: "not_found",
      code: "resource_missing",
      message: "No such deal.",
      param: "deal",
    });
  return deal.id;
}

const describeOrder = (o: { type: string; services: string[]; vin: string | null }) =>
  o.type === "reconditioning" ? `Reconditioning for ${o.vin}` : `Concierge ${o.services[0]}`;

function orderEmail(order: ServiceOrder, subject: string, body: string): NotificationInput[] {
  const to = order.contact?.email;
  return to ? [{ channel: "email", to, subject: `${subject} · ${order.id}`, body }] : [];
}

function isUniqueViolation(e: unknown, column: string): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === "SQLITE_CONSTRAINT_UNIQUE" && Boolean(err.message?.includes(column));
}

function assertPayable(quote: Quote, now: number) {
  const status = quoteStatus(quote, now);
  if (status === "paid") throw conflict("This quote has already been paid.", "quote_already_paid");
  if (status !== "awaiting-payment")
    throw conflict(`This quote can no longer be paid (${status}).`, "quote_not_payable");
}

// ---------------------------------------------------------------------------------------------
// Quotes

interface QuoteDraft {
  type: "reconditioning" | "concierge";
  services: string[];
  items: LineItem[];
  vin?: string | null;
  stock?: string | null;
  vehicle?: Quote["vehicle"];
  criteria?: Record<string, unknown> | null;
  deliveryAddress?: Quote["deliveryAddress"];
  contact?: Contact | null;
  dealId: string | null;
  fromOrderId?: string;
  fromCandidateId?: string;
}

function insertQuote(
  tx: DbOrTx,
  actor: Actor,
  dealerId: string,
  draft: QuoteDraft,
): { quote: Quote; dto: QuoteDto } {
  const now = nowMs();
  const quote: Quote = {
    id: newId("quote"),
    dealerId,
    dealId: draft.dealId,
    type: draft.type,
    services: draft.services,
    status: "awaiting-payment",
    vin: draft.vin ?? null,
    stock: draft.stock ?? null,
    vehicle: draft.vehicle ?? null,
    criteria: draft.criteria ?? null,
    deliveryAddress: draft.deliveryAddress ?? null,
    contact: draft.contact ?? null,
    items: draft.items,
    totalCents: totalCents(draft.items),
    estimatedMinutes: durationMinutes(draft.items),
    estimatedAt: estimateFrom(now, draft.items),
    payToken: newPublicToken(),
    fromOrderId: draft.fromOrderId ?? null,
    fromCandidateId: draft.fromCandidateId ?? null,
    createdBy: actor.label,
    createdAt: new Date(now),
    expiresAt: new Date(now + QUOTE_TTL_MS),
    paidAt: null,
    orderId: null,
    canceledAt: null,
    cancelReason: null,
  };
  insertRow(tx, quotes, quote);
  const dto = serializeQuote(quote);
  recordChange(tx, {
    dealerId,
    actor,
    subject: { type: "quote", id: quote.id },
    to: quote.status,
    note: "Quote created",
    event: { name: "quote.created", type: quote.type, data: dto },
  });
  return { quote, dto };
}

export function createQuote(db: Db, actor: Actor, input: unknown) {
  requireScope(actor, "quotes.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(createQuoteSchema, input);
  return db.transaction((tx) => {
    const dealId = assertDeal(tx, dealerId, data.deal);
    let draft: QuoteDraft;
    if (data.type === "reconditioning") {
      draft = {
        type: data.type,
        services: ["reconditioning"],
        items: reconItems(data.items),
        vin: data.vin,
        stock: data.stock,
        contact: data.contact,
        dealId,
      };
    } else if (data.services[0] === "search") {
      const search = data.search!;
      draft = {
        type: "concierge",
        services: ["search"],
        items: conciergeSearchItems(),
        criteria: search,
        contact: data.contact ?? {
          name: `${search.firstName} ${search.lastName}`,
          email: search.email,
          phone: search.phone,
        },
        dealId,
      };
    } else {
      const v = data.vehicle!;
      const vehicle = {
        vin: v.vin,
        year: v.year,
        make: v.make,
        model: v.model,
        trim: v.trim,
        mileage: v.mileage,
        priceCents: toCents(v.price),
      };
      draft = {
        type: "concierge",
        services: ["buy"],
        items: conciergeBuyItems(vehicle),
        vin: v.vin ?? null,
        vehicle,
        deliveryAddress: data.deliveryAddress,
        contact: data.contact,
        dealId,
      };
    }
    return insertQuote(tx, actor, dealerId, draft).dto;
  }, IMMEDIATE);
}

/**
 * Creates the order a paid quote (or a direct order) turns into, with its event and email. The
 * estimate given here is also the one first promised, which the dashboard measures completion by.
 */
function insertOrder(
  tx: DbOrTx,
  actor: Actor,
  dealerId: string,
  source: Omit<QuoteDraft, "fromOrderId" | "fromCandidateId"> & {
    quoteId: string | null;
    estimatedAt: Date;
    requestToken?: string | null;
  },
  payment: { id: string; method: "card" | "account" },
): ServiceOrder {
  const now = nowMs();
  const order: ServiceOrder = {
    id: newId("order"),
    dealerId,
    dealId: source.dealId,
    quoteId: source.quoteId,
    paymentId: payment.id,
    type: source.type,
    services: source.services,
    status: "pending",
    vin: source.vin ?? null,
    stock: source.stock ?? null,
    vehicle: source.vehicle ?? null,
    criteria: source.criteria ?? null,
    deliveryAddress: source.deliveryAddress ?? null,
    contact: source.contact ?? null,
    items: source.items,
    totalCents: totalCents(source.items),
    paymentMethod: payment.method,
    estimatedAt: source.estimatedAt,
    originalEstimatedAt: source.estimatedAt,
    receiptToken: newPublicToken(),
    createdAt: new Date(now),
    updatedAt: new Date(now),
    statusReason: null,
    startedAt: null,
    completedAt: null,
    canceledAt: null,
    refundedAt: null,
    requestToken: source.requestToken ?? null,
  };
  try {
    insertRow(tx, serviceOrders, order);
  } catch (e) {
    // The unique index on quote_id is the backstop should two payments ever pass the status check.
    if (isUniqueViolation(e, "service_orders.quote_id"))
      throw conflict("This quote has already been paid.", "quote_already_paid");
    throw e;
  }
  recordChange(tx, {
    dealerId,
    actor,
    subject: { type: "service_order", id: order.id },
    to: "pending",
    note: "Order created",
    event: { name: "service.created", type: order.type, data: serializeOrder(order, null) },
    notify: orderEmail(
      order,
      "Your service order is booked",
      `${describeOrder(order)} is booked (order ${order.id}). We expect to finish by ${formatShortDateTime(order.estimatedAt, timeZoneFor(tx, dealerId))}.`,
    ),
  });
  return order;
}

type PayResult = { quote: ReturnType<typeof serializeQuote>; order: ReturnType<typeof serializeOrder> };

function settleQuote(
  db: Db,
  actor: Actor,
  quote: Quote,
  payment: { method: "card" | "account"; brand?: string; last4?: string },
): PayResult {
  return db.transaction((tx) => {
    const fresh = tx.select().from(quotes).where(eq(quotes.id, quote.id)).get()!;
    const now = nowMs();
    assertPayable(fresh, now);
    const paymentId = newId("pay");
    tx.insert(payments)
      .values({
        id: paymentId,
        dealerId: fresh.dealerId,
        quoteId: fresh.id,
        method: payment.method,
        status: "succeeded",
        amountCents: fresh.totalCents,
        cardBrand: payment.brand ?? null,
        cardLast4: payment.last4 ?? null,
      })
      .run();
    const order = insertOrder(
      tx,
      actor,
      fresh.dealerId,
      // Flow 1: the order takes the quote's estimate, the one the quote showed as "if paid now".
      { ...fresh, quoteId: fresh.id, estimatedAt: quoteEstimate(fresh, now)! },
      { id: paymentId, method: payment.method },
    );
    const paid = tx
      .update(quotes)
      .set({ status: "paid", paidAt: new Date(now), orderId: order.id, estimatedAt: order.estimatedAt })
      .where(eq(quotes.id, fresh.id))
      .returning()
      .get();
    recordChange(tx, {
      dealerId: fresh.dealerId,
      actor,
      subject: { type: "quote", id: fresh.id },
      from: "awaiting-payment",
      to: "paid",
      note:
        payment.method === "card"
          ? `Paid by ${payment.brand} ending ${payment.last4}`
          : "Charged to the dealer's account",
      event: { name: "quote.paid", type: paid.type, data: serializeQuote(paid) },
    });
    return { quote: serializeQuote(paid), order: serializeOrder(order, null) };
  }, IMMEDIATE);
}

/** Staff and integrators: charge the quote to the dealer's account. */
export function payQuoteOnAccount(db: Db, actor: Actor, quoteId: string, input: unknown): PayResult {
  requireScope(actor, "quotes.write");
  const dealerId = dealerOf(actor);
  parseInput(payQuoteSchema, input);
  const quote = db
    .select()
    .from(quotes)
    .where(and(eq(quotes.id, quoteId), eq(quotes.dealerId, dealerId)))
    .get();
  if (!quote) throw notFound("quote");
  return settleQuote(db, actor, quote, { method: "account" });
}

/** The customer's pay page: a test-mode card. Declines are recorded and told plainly; nothing else changes. */
export function payQuoteWithCard(db: Db, payToken: string, input: unknown): PayResult {
  const quote = db.select().from(quotes).where(eq(quotes.payToken, payToken)).get();
  if (!quote) throw notFound("quote");
  const actor: Actor = {
    kind: "public",
    dealerId: quote.dealerId,
    label: "Customer (pay link)",
    role: null,
    scopes: [],
  };
  // Before the card is even read: an expired or canceled quote charges nothing, not even a decline.
  assertPayable(quote, nowMs());
  const card = parseInput(cardFormSchema, input);
  const outcome = chargeTestCard(card.cardNumber);
  if (!outcome.approved) {
    db.transaction((tx) => {
      tx.insert(payments)
        .values({
          id: newId("pay"),
          dealerId: quote.dealerId,
          quoteId: quote.id,
          method: "card",
          status: "declined",
          amountCents: quote.totalCents,
          cardBrand: outcome.brand,
          cardLast4: outcome.last4,
          declineReason: outcome.reason,
        })
        .run();
      recordChange(tx, {
        dealerId: quote.dealerId,
        actor,
        subject: { type: "quote", id: quote.id },
        note: `Card ending ${outcome.last4} declined`,
        event: { name: "quote.payment_failed", type: quote.type, data: serializeQuote(quote) },
      });
    }, IMMEDIATE);
    throw new AppError({
      type: "invalid_request_error",
      code: "card_declined",
      message: outcome.reason,
      param: "cardNumber",
      status: 402,
    });
  }
  return settleQuote(db, actor, quote, { method: "card", brand: outcome.brand, last4: outcome.last4 });
}

/**
 * Withdraws a quote that has not been paid (awaiting payment or expired); its pay link then says
 * it was canceled. A paid quote has an order: cancel that instead.
 */
export function cancelQuote(db: Db, actor: Actor, quoteId: string, input: unknown) {
  requireScope(actor, "quotes.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(cancelQuoteSchema, input);
  return db.transaction((tx) => {
    const quote = tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.id, quoteId), eq(quotes.dealerId, dealerId)))
      .get();
    if (!quote) throw notFound("quote");
    if (quote.status === "paid")
      throw conflict(
        "A paid quote cannot be canceled; cancel its service order instead.",
        "quote_already_paid",
      );
    if (quote.status === "canceled") throw conflict("This quote is already canceled.", "quote_canceled");
    const now = nowMs();
    const canceled = tx
      .update(quotes)
      .set({ status: "canceled", canceledAt: new Date(now), cancelReason: data.reason ?? null })
      .where(eq(quotes.id, quote.id))
      .returning()
      .get();
    const dto = serializeQuote(canceled);
    recordChange(tx, {
      dealerId,
      actor,
      subject: { type: "quote", id: quote.id },
      from: quoteStatus(quote, now),
      to: "canceled",
      note: data.reason ? `Quote canceled: ${data.reason}` : "Quote canceled",
      event: { name: "quote.canceled", type: quote.type, data: dto },
    });
    return dto;
  }, IMMEDIATE);
}

// ---------------------------------------------------------------------------------------------
// Orders

/**
 * "Place order": reconditioning scheduled and paid at once on the dealer's account. A form sends a
 * `requestToken` made once per render: a resubmit or double click with the same token answers with
 * the order it already placed instead of charging again (the API has Idempotency-Key for this).
 */
export function createDirectOrder(
  db: Db,
  actor: Actor,
  input: unknown,
  opts: { requestToken?: string } = {},
) {
  requireScope(actor, "service_orders.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(createOrderSchema, input);
  const requestToken = opts.requestToken?.trim() || null;
  if (requestToken && requestToken.length > 100)
    throw invalid("requestToken", "This form token is not valid.");
  return db.transaction((tx) => {
    if (requestToken) {
      const placed = tx
        .select()
        .from(serviceOrders)
        .where(and(eq(serviceOrders.dealerId, dealerId), eq(serviceOrders.requestToken, requestToken)))
        .get();
      if (placed) return serializeOrder(placed, null);
    }
    const dealId = assertDeal(tx, dealerId, data.deal);
    const items = reconItems(data.items);
    const paymentId = newId("pay");
    tx.insert(payments)
      .values({
        id: paymentId,
        dealerId,
        quoteId: null,
        method: "account",
        status: "succeeded",
        amountCents: totalCents(items),
      })
      .run();
    const order = insertOrder(
      tx,
      actor,
      dealerId,
      {
        type: "reconditioning",
        services: ["reconditioning"],
        items,
        vin: data.vin,
        stock: data.stock,
        contact: data.contact,
        dealId,
        quoteId: null,
        estimatedAt: estimateFrom(nowMs(), items),
        requestToken,
      },
      { id: paymentId, method: "account" },
    );
    return serializeOrder(order, null);
  }, IMMEDIATE);
}

function loadOrder(tx: DbOrTx, actor: Actor, id: string): ServiceOrder {
  const order = tx
    .select()
    .from(serviceOrders)
    .where(and(eq(serviceOrders.id, id), orderDealerFilter(actor, serviceOrders.dealerId)))
    .get();
  if (!order) throw notFound("service order");
  return order;
}

/**
 * Moves an order through its lifecycle (or changes its ETA). Ops and integrators with
 * service_orders.write advance work; dealer staff may only cancel.
 */
export function updateOrder(db: Db, actor: Actor, orderId: string, input: unknown) {
  requireScope(actor, "service_orders.write");
  const data = parseInput(updateOrderSchema, input);
  return db.transaction((tx) => {
    const order = loadOrder(tx, actor, orderId);
    if (actor.kind === "user" && !isOps(actor) && (data.status !== "canceled" || data.estimatedTime)) {
      throw forbidden("The operations team moves orders forward; you can cancel an order.");
    }
    const to: ServiceOrderStatus = data.status ?? order.status;
    if (data.status && !canTransition(order.status, data.status)) {
      throw conflict(`A ${order.status} order cannot become ${data.status}.`, "invalid_transition", "status");
    }
    if (!data.status && (order.status === "completed" || order.status === "canceled")) {
      throw conflict(`A ${order.status} order cannot change.`, "invalid_transition", "estimatedTime");
    }
    const now = new Date(nowMs());
    const estimatedAt = data.estimatedTime ? new Date(data.estimatedTime) : order.estimatedAt;
    const refunded = data.status === "canceled" ? refundPayment(tx, order, now) : false;
    const updated = tx
      .update(serviceOrders)
      .set({
        status: to,
        estimatedAt,
        updatedAt: now,
        ...(data.status === "delayed" || data.status === "canceled" ? { statusReason: data.note } : {}),
        ...(data.status === "in-progress" ? { statusReason: null, startedAt: order.startedAt ?? now } : {}),
        ...(data.status === "completed" ? { completedAt: now, statusReason: null } : {}),
        ...(data.status === "canceled" ? { canceledAt: now } : {}),
        ...(refunded ? { refundedAt: now } : {}),
      })
      .where(eq(serviceOrders.id, order.id))
      .returning()
      .get();
    const etaChanged = estimatedAt.getTime() !== order.estimatedAt.getTime();
    const note = data.note ?? (data.status ? null : "Estimated time changed");
    const refundNote = refunded ? ` Refunded ${formatUsd(order.totalCents)} to the ${payerOf(order)}.` : "";
    recordChange(tx, {
      dealerId: order.dealerId,
      actor,
      subject: { type: "service_order", id: order.id },
      from: data.status ? order.status : null,
      to: data.status ?? null,
      note: refundNote ? `${sentence(note ?? "Canceled")}${refundNote}` : note,
      data:
        etaChanged || refunded
          ? {
              ...(etaChanged ? { estimatedTime: estimatedAt.toISOString() } : {}),
              ...(refunded ? { refunded: toDollars(order.totalCents) } : {}),
            }
          : undefined,
      event: {
        name: data.status ? eventForStatus(to) : "service.updated",
        type: order.type,
        data: serializeOrder(updated, null),
      },
      notify:
        data.status && emailsContact(to) ? statusEmail(updated, note, timeZoneFor(tx, order.dealerId)) : [],
    });
    return serializeOrder(updated, null);
  }, IMMEDIATE);
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
const usdFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const formatUsd = (cents: number) => usdFormat.format(toDollars(cents));
const payerOf = (order: ServiceOrder) => (order.paymentMethod === "card" ? "card" : "dealer's account");

/**
 * Canceling a paid order gives the money back: the payment is marked refunded with a refund id and
 * time (test mode moves no real money, card and account alike). False when there was nothing to refund.
 */
function refundPayment(tx: DbOrTx, order: ServiceOrder, at: Date): boolean {
  if (!order.paymentId) return false;
  const refunded = tx
    .update(payments)
    .set({ status: "refunded", refundId: newId("re"), refundedAt: at })
    .where(
      and(eq(payments.id, order.paymentId), eq(payments.status, "succeeded"), isNull(payments.refundedAt)),
    )
    .returning({ id: payments.id })
    .get();
  return Boolean(refunded);
}

function statusEmail(order: ServiceOrder, note: string | null, timeZone: string): NotificationInput[] {
  const what = describeOrder(order);
  if (order.status === "completed")
    return orderEmail(order, "Your service order is complete", `${what} is complete.`);
  if (order.status === "delayed") {
    return orderEmail(
      order,
      "Your service order is delayed",
      `${what} is delayed: ${note}. New estimate: ${formatShortDateTime(order.estimatedAt, timeZone)}.`,
    );
  }
  const refund = order.refundedAt
    ? ` The ${formatUsd(order.totalCents)} paid has been refunded to the ${payerOf(order)}.`
    : "";
  return orderEmail(order, "Your service order was canceled", `${what} was canceled: ${note}.${refund}`);
}

// ---------------------------------------------------------------------------------------------
// Concierge search candidates

export function addCandidate(db: Db, actor: Actor, orderId: string, input: unknown) {
  requireRole(actor, "ops");
  const data = parseInput(candidateSchema, input);
  return db.transaction((tx) => {
    const order = loadOrder(tx, actor, orderId);
    if (order.type !== "concierge" || order.services[0] !== "search") {
      throw conflict("Candidates belong to Concierge Search orders.", "not_a_search");
    }
    if (order.status === "completed" || order.status === "canceled")
      throw conflict(`This order is ${order.status}.`, "invalid_transition");
    const candidate = tx
      .insert(searchCandidates)
      .values({
        id: newId("cand"),
        dealerId: order.dealerId,
        orderId: order.id,
        vin: data.vin,
        year: data.year,
        make: data.make,
        model: data.model,
        trim: data.trim ?? null,
        mileage: data.mileage,
        priceCents: toCents(data.price),
        location: data.location,
        notes: data.notes ?? null,
        addedBy: actor.label,
      })
      .returning()
      .get();
    const updated = tx
      .update(serviceOrders)
      .set({ updatedAt: new Date(nowMs()) })
      .where(eq(serviceOrders.id, order.id))
      .returning()
      .get();
    recordChange(tx, {
      dealerId: order.dealerId,
      actor,
      subject: { type: "service_order", id: order.id },
      note: `Candidate found: ${data.year} ${data.make} ${data.model} (${data.vin})`,
      event: { name: "service.updated", type: order.type, data: serializeOrder(updated, null) },
    });
    return serializeCandidate(candidate);
  }, IMMEDIATE);
}

/** Staff turn a candidate into a Concierge Buy quote in one step. */
export function createBuyQuoteFromCandidate(db: Db, actor: Actor, candidateId: string, input: unknown) {
  requireScope(actor, "quotes.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(buyFromCandidateSchema, input);
  return db.transaction((tx) => {
    const candidate = tx
      .select()
      .from(searchCandidates)
      .where(and(eq(searchCandidates.id, candidateId), eq(searchCandidates.dealerId, dealerId)))
      .get();
    if (!candidate) throw notFound("candidate");
    const previous = candidate.quoteId
      ? tx.select().from(quotes).where(eq(quotes.id, candidate.quoteId)).get()
      : undefined;
    // A canceled or expired buy quote no longer holds the vehicle: staff may quote it again.
    const previousStatus = previous ? quoteStatus(previous, nowMs()) : null;
    if (previousStatus === "awaiting-payment" || previousStatus === "paid")
      throw conflict("A buy quote already exists for this vehicle.", "candidate_quoted");
    const search = tx.select().from(serviceOrders).where(eq(serviceOrders.id, candidate.orderId)).get()!;
    const vehicle = {
      vin: candidate.vin,
      year: candidate.year,
      make: candidate.make,
      model: candidate.model,
      trim: candidate.trim ?? undefined,
      mileage: candidate.mileage,
      priceCents: candidate.priceCents,
      location: candidate.location,
    };
    const { quote, dto } = insertQuote(tx, actor, dealerId, {
      type: "concierge",
      services: ["buy"],
      items: conciergeBuyItems(vehicle),
      vin: candidate.vin,
      vehicle,
      deliveryAddress: data.deliveryAddress,
      contact: data.contact ?? search.contact,
      dealId: search.dealId,
      fromOrderId: search.id,
      fromCandidateId: candidate.id,
    });
    tx.update(searchCandidates).set({ quoteId: quote.id }).where(eq(searchCandidates.id, candidate.id)).run();
    return dto;
  }, IMMEDIATE);
}
