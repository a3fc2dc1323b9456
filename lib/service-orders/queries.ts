import "server-only";
import { and, asc, desc, eq, gte, inArray, like, lt, or } from "drizzle-orm";
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
import { notFound } from "@/lib/platform/errors";
import { toDollars } from "@/lib/platform/money";
import { afterCursor, page } from "@/lib/platform/pagination";
import { parseInput } from "@/lib/platform/validation";
import { isOps, orderDealerFilter } from "./access";
import { serializeDeal } from "./deals";
import { OPEN_STATUSES } from "./lifecycle";
import { averageTimeInStatus, estimateAccuracy } from "./metrics";
import { dealFiltersSchema, orderFiltersSchema, quoteFiltersSchema } from "./schema";
import { serializeCandidate, serializeOrder, serializeQuote } from "./serialize";

const dayStart = (d: string) => new Date(`${d}T00:00:00Z`);
const dayEnd = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

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
        f.status ? eq(quotes.status, f.status) : undefined,
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

export function listOrders(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "service_orders.read");
  const f = parseInput(orderFiltersSchema, raw);
  const q = f.q?.trim();
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
        f.from ? gte(serviceOrders.createdAt, dayStart(f.from)) : undefined,
        f.to ? lt(serviceOrders.createdAt, dayEnd(f.to)) : undefined,
        q
          ? or(
              eq(serviceOrders.id, q),
              like(serviceOrders.vin, `${q.toUpperCase()}%`),
              eq(serviceOrders.stock, q),
            )
          : undefined,
        afterCursor(f.cursor, serviceOrders.createdAt, serviceOrders.id),
      ),
    )
    .orderBy(desc(serviceOrders.createdAt), desc(serviceOrders.id))
    .limit(f.limit + 1)
    .all();
  const { data, nextCursor } = page(
    rows.map((r) => ({ ...r, createdAt: r.order.createdAt, id: r.order.id })),
    f.limit,
  );
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
 * what the customer paid by card is listed as paid separately. Canceled orders are shown at zero.
 */
export function dealInvoice(db: Db, actor: Actor, dealId: string) {
  requireScope(actor, "deals.read");
  const dealerId = dealerOf(actor);
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
    items: o.items.map((i) => ({
      service: i.service,
      name: i.name,
      quantity: i.quantity,
      price: toDollars(i.priceCents),
      amount: toDollars(i.priceCents * i.quantity),
    })),
    amount: o.status === "canceled" ? 0 : toDollars(o.totalCents),
  });
  const rolledUp = orders.filter((o) => o.paymentMethod === "account").map(line);
  const paidSeparately = [
    ...orders.filter((o) => o.paymentMethod === "card").map((o) => ({ ...line(o), quote: o.quoteId })),
  ];
  const openQuotes = dealQuotes
    .filter((q) => q.status === "awaiting-payment")
    .map((q) => ({ quote: q.id, type: q.type, total: toDollars(q.totalCents), status: q.status }));
  const totalCents = orders
    .filter((o) => o.paymentMethod === "account" && o.status !== "canceled")
    .reduce((s, o) => s + o.totalCents, 0);
  const separatelyCents = orders
    .filter((o) => o.paymentMethod === "card" && o.status !== "canceled")
    .reduce((s, o) => s + o.totalCents, 0);
  return {
    deal: serializeDeal(deal),
    lines: rolledUp,
    paidSeparately,
    awaitingPayment: openQuotes,
    total: toDollars(totalCents),
    paidSeparatelyTotal: toDollars(separatelyCents),
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

export function serviceOrderDashboard(db: Db, actor: Actor) {
  requireScope(actor, "service_orders.read");
  const now = Date.now();
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
  const recentIds = db
    .select({ id: serviceOrders.id })
    .from(serviceOrders)
    .where(and(scope, gte(serviceOrders.updatedAt, new Date(now - THIRTY_DAYS))))
    .all()
    .map((r) => r.id);
  const changes = recentIds.length
    ? db
        .select({
          orderId: timelineEntries.subjectId,
          status: timelineEntries.toStatus,
          at: timelineEntries.at,
        })
        .from(timelineEntries)
        .where(
          and(
            eq(timelineEntries.subjectType, "service_order"),
            inArray(timelineEntries.subjectId, recentIds),
          ),
        )
        .all()
        .filter((c): c is { orderId: string; status: string; at: Date } => c.status !== null)
        .map((c) => ({ orderId: c.orderId, status: c.status, at: c.at.getTime() }))
    : [];
  const completed = db
    .select({ estimatedAt: serviceOrders.estimatedAt, completedAt: serviceOrders.completedAt })
    .from(serviceOrders)
    .where(
      and(
        scope,
        eq(serviceOrders.status, "completed"),
        gte(serviceOrders.completedAt, new Date(now - THIRTY_DAYS)),
      ),
    )
    .all()
    .map((c) => ({ estimatedAt: c.estimatedAt.getTime(), completedAt: (c.completedAt as Date).getTime() }));
  return {
    openByStatus,
    delayed: open
      .filter((o) => o.status === "delayed")
      .map((o) => ({ ...o, estimatedAt: o.estimatedAt.toISOString() })),
    timeInStatus: averageTimeInStatus(changes, now),
    estimateAccuracy: estimateAccuracy(completed),
  };
}
