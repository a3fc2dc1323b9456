import "server-only";
import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  like,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { selectRows } from "@/db/raw";
import {
  dealers,
  deals,
  payments,
  quotes,
  type ServiceOrder,
  searchCandidates,
  serviceOrders,
  timelineEntries,
} from "@/db/schema";
import { type Actor, dealerOf, requireScope } from "@/lib/platform/actor";
import { nowMs } from "@/lib/platform/clock";
import { notFound } from "@/lib/platform/errors";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { toDollars } from "@/lib/platform/money";
import { afterCursor, decodeCursor, encodeCursor, page } from "@/lib/platform/pagination";
import { parseInput } from "@/lib/platform/validation";
import { dayWindow } from "@/lib/platform/zoned-time";
import { isOps, orderDealerFilter } from "./access";
import { serializeDeal } from "./deals";
import { OPEN_STATUSES } from "./lifecycle";
import { averageTimeInStatus, estimateAccuracy, timeToComplete } from "./metrics";
import { quoteStatus } from "./quote-state";
import { dealFiltersSchema, type OrderFilters, orderFiltersSchema, quoteFiltersSchema } from "./schema";
import { serializeCandidate, serializeOrder, serializeQuote } from "./serialize";

export function getQuote(db: Db, actor: Actor, id: string) {
  requireScope(actor, "quotes.read");
  const quote = db
    .select()
    .from(quotes)
    .where(and(eq(quotes.id, id), eq(quotes.dealerId, dealerOf(actor))))
    .get();
  if (!quote) throw notFound("quote");
  return serializeQuote(quote);
}

export function listQuotes(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "quotes.read");
  const f = parseInput(quoteFiltersSchema, raw);
  const rows = db
    .select()
    .from(quotes)
    .where(
      and(
        eq(quotes.dealerId, dealerOf(actor)),
        quoteStatusFilter(f.status, nowMs()),
        f.type ? eq(quotes.type, f.type) : undefined,
        f.deal ? eq(quotes.dealId, f.deal) : undefined,
        afterCursor(f.cursor, quotes.createdAt, quotes.id),
      ),
    )
    .orderBy(desc(quotes.createdAt), desc(quotes.id))
    .limit(f.limit + 1)
    .all();
  const { data, nextCursor } = page(rows, f.limit);
  return { data: data.map((q) => serializeQuote(q)), nextCursor };
}

/** Expiry is derived (quote-state.ts), so "awaiting-payment" and "expired" split on expires_at. */
function quoteStatusFilter(status: string | undefined, now: number): SQL | undefined {
  const stillOpen = eq(quotes.status, "awaiting-payment");
  if (status === "awaiting-payment") return and(stillOpen, gt(quotes.expiresAt, new Date(now)));
  if (status === "expired") return and(stillOpen, lte(quotes.expiresAt, new Date(now)));
  if (status === "paid" || status === "canceled") return eq(quotes.status, status);
  return undefined;
}

/** What the customer's pay page shows; reached only through the unguessable token. */
export function getQuoteForPayment(db: Db, token: string) {
  const row = db
    .select({ quote: quotes, dealerName: dealers.name, timeZone: dealers.timeZone })
    .from(quotes)
    .innerJoin(dealers, eq(dealers.id, quotes.dealerId))
    .where(eq(quotes.payToken, token))
    .get();
  if (!row) return null;
  const order = row.quote.orderId
    ? db
        .select({ receiptToken: serviceOrders.receiptToken })
        .from(serviceOrders)
        .where(eq(serviceOrders.id, row.quote.orderId))
        .get()
    : undefined;
  const lastDecline = db
    .select({ reason: payments.declineReason })
    .from(payments)
    .where(and(eq(payments.quoteId, row.quote.id), eq(payments.status, "declined")))
    .orderBy(desc(payments.createdAt))
    .get();
  return {
    quote: serializeQuote(row.quote),
    dealerName: row.dealerName,
    timeZone: row.timeZone,
    receiptToken: order?.receiptToken ?? null,
    lastDecline: lastDecline?.reason ?? null,
  };
}

/** The order's timeline, oldest first (a hot read: raw prepared statement, see db/raw.ts). */
function history(db: Db, orderId: string) {
  return selectRows(
    db,
    timelineEntries,
    "where subject_type = 'service_order' and subject_id = ? order by at, id",
    orderId,
  );
}

function candidatesOf(db: Db, orderId: string) {
  return db
    .select()
    .from(searchCandidates)
    .where(eq(searchCandidates.orderId, orderId))
    .orderBy(asc(searchCandidates.createdAt))
    .all();
}

/** One order with its history (API), plus its candidates and dealer for the portal. */
export function getOrder(db: Db, actor: Actor, id: string) {
  requireScope(actor, "service_orders.read");
  const [order] = isOps(actor)
    ? selectRows(db, serviceOrders, "where id = ?", id)
    : selectRows(db, serviceOrders, "where id = ? and dealer_id = ?", id, dealerOf(actor));
  if (!order) throw notFound("service order");
  return serializeOrder(order, history(db, order.id));
}

/**
 * The zone an order's times are read in (its dealer's), for forms that take a wall time; UTC when
 * the actor cannot see the order (the write that follows answers 404 then).
 */
export function orderTimeZone(db: Db, actor: Actor, id: string): string {
  const [order] = isOps(actor)
    ? selectRows(db, serviceOrders, "where id = ?", id)
    : selectRows(db, serviceOrders, "where id = ? and dealer_id = ?", id, dealerOf(actor));
  return order ? timeZoneFor(db, order.dealerId) : "UTC";
}

export function getOrderDetail(db: Db, actor: Actor, id: string) {
  const order = getOrder(db, actor, id);
  const row = db
    .select({ dealerId: serviceOrders.dealerId })
    .from(serviceOrders)
    .where(eq(serviceOrders.id, id))
    .get()!;
  const dealer = db.select().from(dealers).where(eq(dealers.id, row.dealerId)).get()!;
  return {
    order,
    candidates: candidatesOf(db, id).map(serializeCandidate),
    dealer: { name: dealer.name, timeZone: dealer.timeZone },
  };
}

/** `text` inside a LIKE pattern, matched literally (staff may type % or _ in a stock number). */
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const containsText = (column: SQLiteColumn, text: string) =>
  sql`${column} like ${likeContains(text)} escape '\\'`;

/**
 * Order id exactly; any part of the VIN (staff type its last 6-8 characters) or of the stock
 * number, ignoring case (SQLite's LIKE folds ASCII case).
 */
function orderSearch(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  return or(
    eq(serviceOrders.id, q),
    containsText(serviceOrders.vin, q),
    containsText(serviceOrders.stock, q),
  );
}

/**
 * `from`/`to` are calendar days in each order's dealer's time zone: one bound per zone in scope,
 * since the ops queue spans dealers in different zones.
 */
function createdWithin(db: Db, f: OrderFilters): SQL | undefined {
  if (!f.from && !f.to) return undefined;
  const zones = db
    .selectDistinct({ timeZone: dealers.timeZone })
    .from(dealers)
    .all()
    .map((z) => z.timeZone);
  return or(
    ...zones.map((zone) =>
      and(
        eq(dealers.timeZone, zone),
        f.from ? gte(serviceOrders.createdAt, dayWindow(f.from, zone).start) : undefined,
        f.to ? lt(serviceOrders.createdAt, dayWindow(f.to, zone).end) : undefined,
      ),
    ),
  );
}

/** Soonest estimate first: what the ops queue works through. Cursor over (estimated_at, id). */
function afterEstimateCursor(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const c = decodeCursor(cursor);
  return or(
    gt(serviceOrders.estimatedAt, c.at),
    and(eq(serviceOrders.estimatedAt, c.at), gt(serviceOrders.id, c.id)),
  );
}

export function listOrders(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "service_orders.read");
  const f = parseInput(orderFiltersSchema, raw);
  const byEstimate = f.sort === "estimate";
  const rows = db
    .select({ order: serviceOrders, dealerName: dealers.name, dealerTimeZone: dealers.timeZone })
    .from(serviceOrders)
    .innerJoin(dealers, eq(dealers.id, serviceOrders.dealerId))
    .where(
      and(
        orderDealerFilter(actor, serviceOrders.dealerId),
        f.dealer ? eq(dealers.slug, f.dealer) : undefined,
        f.status === "open"
          ? inArray(serviceOrders.status, [...OPEN_STATUSES])
          : f.status
            ? eq(serviceOrders.status, f.status)
            : undefined,
        f.type ? eq(serviceOrders.type, f.type) : undefined,
        f.deal ? eq(serviceOrders.dealId, f.deal) : undefined,
        createdWithin(db, f),
        orderSearch(f.q?.trim()),
        byEstimate
          ? afterEstimateCursor(f.cursor)
          : afterCursor(f.cursor, serviceOrders.createdAt, serviceOrders.id),
      ),
    )
    .orderBy(
      ...(byEstimate
        ? [asc(serviceOrders.estimatedAt), asc(serviceOrders.id)]
        : [desc(serviceOrders.createdAt), desc(serviceOrders.id)]),
    )
    .limit(f.limit + 1)
    .all();
  const more = rows.length > f.limit;
  const data = more ? rows.slice(0, f.limit) : rows;
  const last = data[data.length - 1]?.order;
  const nextCursor =
    more && last ? encodeCursor(byEstimate ? last.estimatedAt : last.createdAt, last.id) : null;
  return {
    data: data.map((r) => ({
      ...serializeOrder(r.order, null),
      dealerName: r.dealerName,
      dealerTimeZone: r.dealerTimeZone,
    })),
    nextCursor,
  };
}

/**
 * The customer's receipt / status page. Anyone holding the link can read it, so it leaves out
 * the contact details and who on staff made each change.
 */
export function getOrderByReceiptToken(db: Db, token: string) {
  const row = db
    .select({ order: serviceOrders, dealerName: dealers.name, timeZone: dealers.timeZone })
    .from(serviceOrders)
    .innerJoin(dealers, eq(dealers.id, serviceOrders.dealerId))
    .where(eq(serviceOrders.receiptToken, token))
    .get();
  if (!row) return null;
  const order = serializeOrder(row.order, history(db, row.order.id));
  const publicHistory = (order.history ?? []).map((h) => ({
    ...h,
    by: h.by.startsWith("Customer") ? h.by : row.dealerName,
  }));
  return {
    order: { ...order, contact: null, history: publicHistory },
    dealerName: row.dealerName,
    timeZone: row.timeZone,
  };
}

// ---------------------------------------------------------------------------------------------
// Deals

export function listDeals(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "deals.read");
  const f = parseInput(dealFiltersSchema, raw);
  const rows = db
    .select()
    .from(deals)
    .where(
      and(
        eq(deals.dealerId, dealerOf(actor)),
        f.q ? or(like(deals.customerName, `%${f.q}%`), eq(deals.id, f.q)) : undefined,
        afterCursor(f.cursor, deals.createdAt, deals.id),
      ),
    )
    .orderBy(desc(deals.createdAt), desc(deals.id))
    .limit(f.limit + 1)
    .all();
  const { data, nextCursor } = page(rows, f.limit);
  return { data: data.map(serializeDeal), nextCursor };
}

/**
 * The deal's final invoice: orders charged to the dealer's account roll up into the total;
 * what the customer paid by card is listed as paid separately. Canceled orders count as zero and,
 * having been paid, show as refunded. Quotes not yet paid are listed, the expired and canceled
 * ones apart from those still awaiting payment.
 */
export function dealInvoice(db: Db, actor: Actor, dealId: string) {
  requireScope(actor, "deals.read");
  const dealerId = dealerOf(actor);
  const now = nowMs();
  const deal = db
    .select()
    .from(deals)
    .where(and(eq(deals.id, dealId), eq(deals.dealerId, dealerId)))
    .get();
  if (!deal) throw notFound("deal");
  const orders = db
    .select()
    .from(serviceOrders)
    .where(and(eq(serviceOrders.dealId, deal.id), eq(serviceOrders.dealerId, dealerId)))
    .orderBy(asc(serviceOrders.createdAt))
    .all();
  const dealQuotes = db
    .select()
    .from(quotes)
    .where(and(eq(quotes.dealId, deal.id), eq(quotes.dealerId, dealerId)))
    .orderBy(asc(quotes.createdAt))
    .all();
  const line = (o: ServiceOrder) => ({
    order: o.id,
    type: o.type,
    status: o.status,
    vin: o.vin,
    refunded: o.refundedAt !== null,
    items: o.items.map((i) => ({
      service: i.service,
      name: i.name,
      quantity: i.quantity,
      price: toDollars(i.priceCents),
      amount: toDollars(i.priceCents * i.quantity),
    })),
    amount: o.status === "canceled" ? 0 : toDollars(o.totalCents),
  });
  const charged = (o: ServiceOrder) => o.status !== "canceled";
  const onAccount = orders.filter((o) => o.paymentMethod === "account");
  const byCard = orders.filter((o) => o.paymentMethod === "card");
  const sum = (list: ServiceOrder[]) => list.reduce((s, o) => s + o.totalCents, 0);
  const unpaidQuote = (q: (typeof dealQuotes)[number]) => ({
    quote: q.id,
    type: q.type,
    total: toDollars(q.totalCents),
    status: quoteStatus(q, now),
  });
  const unpaid = dealQuotes.filter((q) => q.status !== "paid").map(unpaidQuote);
  return {
    deal: serializeDeal(deal),
    lines: onAccount.map(line),
    paidSeparately: byCard.map((o) => ({ ...line(o), quote: o.quoteId })),
    awaitingPayment: unpaid.filter((q) => q.status === "awaiting-payment"),
    /** Quotes that can no longer be paid: in no total, listed so nobody chases them. */
    expiredOrCanceled: unpaid.filter((q) => q.status !== "awaiting-payment"),
    total: toDollars(sum(onAccount.filter(charged))),
    paidSeparatelyTotal: toDollars(sum(byCard.filter(charged))),
    refundedTotal: toDollars(sum(orders.filter((o) => o.refundedAt !== null))),
    currency: "USD",
  };
}
export type DealInvoice = ReturnType<typeof dealInvoice>;

export function getDealDetail(db: Db, actor: Actor, dealId: string) {
  const invoice = dealInvoice(db, actor, dealId);
  const dealQuotes = db
    .select()
    .from(quotes)
    .where(and(eq(quotes.dealId, dealId), eq(quotes.dealerId, dealerOf(actor))))
    .all();
  return { invoice, quotes: dealQuotes.map((q) => serializeQuote(q)) };
}

// ---------------------------------------------------------------------------------------------
// Dashboard

const THIRTY_DAYS = 30 * 86_400_000;

/**
 * Service-order health over the last 30 days (`nowMs`, so tests can move the clock). Time in each
 * status counts every order with a status period overlapping the window, clipped to it; completion
 * is compared with the estimate first promised (and with the latest one, to show slippage).
 */
export function serviceOrderDashboard(db: Db, actor: Actor) {
  requireScope(actor, "service_orders.read");
  const now = nowMs();
  const window = { start: now - THIRTY_DAYS, end: now };
  const since = new Date(window.start);
  const scope = orderDealerFilter(actor, serviceOrders.dealerId);
  const open = db
    .select({
      id: serviceOrders.id,
      status: serviceOrders.status,
      vin: serviceOrders.vin,
      type: serviceOrders.type,
      reason: serviceOrders.statusReason,
      estimatedAt: serviceOrders.estimatedAt,
      dealerId: serviceOrders.dealerId,
    })
    .from(serviceOrders)
    .where(and(scope, inArray(serviceOrders.status, [...OPEN_STATUSES])))
    .all();
  const openByStatus = Object.fromEntries(
    OPEN_STATUSES.map((s) => [s, open.filter((o) => o.status === s).length]),
  );
  // Orders alive at some point in the window: open now, or closed inside it.
  const inWindow = db
    .select({ id: serviceOrders.id })
    .from(serviceOrders)
    .where(
      and(
        scope,
        lte(serviceOrders.createdAt, new Date(now)),
        or(
          inArray(serviceOrders.status, [...OPEN_STATUSES]),
          gte(serviceOrders.completedAt, since),
          gte(serviceOrders.canceledAt, since),
        ),
      ),
    );
  const changes = db
    .select({
      orderId: timelineEntries.subjectId,
      status: timelineEntries.toStatus,
      at: timelineEntries.at,
    })
    .from(timelineEntries)
    .where(
      and(
        eq(timelineEntries.subjectType, "service_order"),
        isNotNull(timelineEntries.toStatus),
        inArray(timelineEntries.subjectId, inWindow),
      ),
    )
    .all()
    .map((c) => ({ orderId: c.orderId, status: c.status as string, at: c.at.getTime() }));
  const completed = db
    .select({
      type: serviceOrders.type,
      createdAt: serviceOrders.createdAt,
      estimatedAt: serviceOrders.estimatedAt,
      originalEstimatedAt: serviceOrders.originalEstimatedAt,
      completedAt: serviceOrders.completedAt,
    })
    .from(serviceOrders)
    .where(
      and(
        scope,
        eq(serviceOrders.status, "completed"),
        gte(serviceOrders.completedAt, since),
        lte(serviceOrders.completedAt, new Date(now)),
      ),
    )
    .all()
    .map((c) => ({
      type: c.type,
      createdAt: c.createdAt.getTime(),
      estimatedAt: c.estimatedAt.getTime(),
      originalEstimatedAt: (c.originalEstimatedAt ?? c.estimatedAt).getTime(),
      completedAt: (c.completedAt as Date).getTime(),
    }));
  return {
    openByStatus,
    delayed: open
      .filter((o) => o.status === "delayed")
      .map((o) => ({ ...o, estimatedAt: o.estimatedAt.toISOString() })),
    timeInStatus: averageTimeInStatus(changes, window),
    estimateAccuracy: estimateAccuracy(completed),
    /** Reconditioning orders completed in the window: created -> completed. */
    timeInRecon: timeToComplete(completed.filter((c) => c.type === "reconditioning")),
  };
}
