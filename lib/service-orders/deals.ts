import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { type Deal, deals, quotes, serviceOrders } from "@/db/schema";
import { type Actor, dealerOf, requireScope } from "@/lib/platform/actor";
import { AppError, conflict, notFound } from "@/lib/platform/errors";
import { recordChange } from "@/lib/platform/events";
import { newId } from "@/lib/platform/ids";
import { parseInput } from "@/lib/platform/validation";
import { attachToDealSchema, createDealSchema } from "./schema";

export function serializeDeal(d: Deal) {
  return {
    id: d.id,
    customer: { name: d.customerName, email: d.customerEmail, phone: d.customerPhone },
    vehicle: d.vehicle ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}
export type DealDto = ReturnType<typeof serializeDeal>;

const onOtherDeal = (id: string, otherDeal: string, param: "quotes" | "orders", via?: string) =>
  conflict(
    `${id} ${via ? `(through ${via}) ` : ""}is already on deal ${otherDeal}; it cannot move to another deal.`,
    "already_on_deal",
    param,
  );

/**
 * Attaches quotes and orders of this dealer to a deal; ids of other dealers are "not found". A paid
 * quote and its order travel together, so each is checked against the other's deal too: neither
 * may leave a deal it is already on (its invoice would silently lose the charge), which is a 409.
 */
function attach(tx: DbOrTx, dealerId: string, dealId: string, quoteIds: string[], orderIds: string[]) {
  const missing = (param: string, id: string) =>
    new AppError({
      type: "not_found",
      code: "resource_missing",
      message: `No such ${param.slice(0, -1)}: ${id}.`,
      param,
    });
  const quoteRows = quoteIds.length
    ? tx
        .select()
        .from(quotes)
        .where(and(inArray(quotes.id, quoteIds), eq(quotes.dealerId, dealerId)))
        .all()
    : [];
  const orderRows = orderIds.length
    ? tx
        .select()
        .from(serviceOrders)
        .where(and(inArray(serviceOrders.id, orderIds), eq(serviceOrders.dealerId, dealerId)))
        .all()
    : [];
  for (const id of quoteIds) if (!quoteRows.some((r) => r.id === id)) throw missing("quotes", id);
  for (const id of orderIds) if (!orderRows.some((r) => r.id === id)) throw missing("orders", id);

  // The partner of each: a paid quote's order, an order's quote.
  const quoteOrderIds = quoteRows.map((q) => q.orderId).filter((id): id is string => Boolean(id));
  const orderQuoteIds = orderRows.map((o) => o.quoteId).filter((id): id is string => Boolean(id));
  const partnerOrders = quoteOrderIds.length
    ? tx.select().from(serviceOrders).where(inArray(serviceOrders.id, quoteOrderIds)).all()
    : [];
  const partnerQuotes = orderQuoteIds.length
    ? tx.select().from(quotes).where(inArray(quotes.id, orderQuoteIds)).all()
    : [];
  const elsewhere = (d: string | null) => d !== null && d !== dealId;
  for (const q of quoteRows) {
    if (elsewhere(q.dealId)) throw onOtherDeal(q.id, q.dealId!, "quotes");
    const order = partnerOrders.find((o) => o.id === q.orderId);
    if (order && elsewhere(order.dealId))
      throw onOtherDeal(q.id, order.dealId!, "quotes", `its order ${order.id}`);
  }
  for (const o of orderRows) {
    if (elsewhere(o.dealId)) throw onOtherDeal(o.id, o.dealId!, "orders");
    const quote = partnerQuotes.find((q) => q.id === o.quoteId);
    if (quote && elsewhere(quote.dealId))
      throw onOtherDeal(o.id, quote.dealId!, "orders", `its quote ${quote.id}`);
  }

  const allQuotes = [...new Set([...quoteIds, ...orderQuoteIds])];
  const allOrders = [...new Set([...orderIds, ...quoteOrderIds])];
  if (allQuotes.length) tx.update(quotes).set({ dealId }).where(inArray(quotes.id, allQuotes)).run();
  if (allOrders.length)
    tx.update(serviceOrders).set({ dealId }).where(inArray(serviceOrders.id, allOrders)).run();
}

export function createDeal(db: Db, actor: Actor, input: unknown): DealDto {
  requireScope(actor, "deals.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(createDealSchema, input);
  return db.transaction(
    (tx) => {
      const deal = tx
        .insert(deals)
        .values({
          id: newId("deal"),
          dealerId,
          customerName: data.customer.name,
          customerEmail: data.customer.email ?? null,
          customerPhone: data.customer.phone ?? null,
          vehicle: data.vehicle ?? null,
        })
        .returning()
        .get();
      attach(tx, dealerId, deal.id, data.quotes ?? [], data.orders ?? []);
      recordChange(tx, {
        dealerId,
        actor,
        subject: { type: "deal", id: deal.id },
        to: "open",
        note: `Deal for ${deal.customerName}`,
        event: { name: "deal.created", type: "deal", data: serializeDeal(deal) },
      });
      return serializeDeal(deal);
    },
    { behavior: "immediate" },
  );
}

export function attachToDeal(db: Db, actor: Actor, dealId: string, input: unknown): DealDto {
  requireScope(actor, "deals.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(attachToDealSchema, input);
  return db.transaction(
    (tx) => {
      const deal = tx
        .select()
        .from(deals)
        .where(and(eq(deals.id, dealId), eq(deals.dealerId, dealerId)))
        .get();
      if (!deal) throw notFound("deal");
      attach(tx, dealerId, deal.id, data.quotes ?? [], data.orders ?? []);
      recordChange(tx, {
        dealerId,
        actor,
        subject: { type: "deal", id: deal.id },
        note: `Attached ${[...(data.quotes ?? []), ...(data.orders ?? [])].join(", ")}`,
        event: { name: "deal.updated", type: "deal", data: serializeDeal(deal) },
      });
      return serializeDeal(deal);
    },
    { behavior: "immediate" },
  );
}
