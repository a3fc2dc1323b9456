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

/** Attaches quotes and orders of this dealer to a deal; ids of other dealers are "not found". */
function attach(tx: DbOrTx, dealerId: string, dealId: string, quoteIds: string[], orderIds: string[]) {
  const missing = (param: string, id: string) =>
    new AppError({
      type: "not_found",
      code: "resource_missing",
      message: `No such ${param.slice(0, -1)}: ${id}.`,
      param,
    });
  if (quoteIds.length) {
    const rows = tx
      .select()
      .from(quotes)
      .where(and(inArray(quotes.id, quoteIds), eq(quotes.dealerId, dealerId)))
      .all();
    for (const id of quoteIds) {
      const row = rows.find((r) => r.id === id);
      if (!row) throw missing("quotes", id);
      if (row.dealId && row.dealId !== dealId)
        throw conflict(`${id} is already on deal ${row.dealId}.`, "already_attached", "quotes");
    }
    tx.update(quotes).set({ dealId }).where(inArray(quotes.id, quoteIds)).run();
    // A paid quote's order follows it onto the deal.
    const orderOfQuotes = rows.map((r) => r.orderId).filter((id): id is string => Boolean(id));
    if (orderOfQuotes.length)
      tx.update(serviceOrders).set({ dealId }).where(inArray(serviceOrders.id, orderOfQuotes)).run();
  }
  if (orderIds.length) {
    const rows = tx
      .select()
      .from(serviceOrders)
      .where(and(inArray(serviceOrders.id, orderIds), eq(serviceOrders.dealerId, dealerId)))
      .all();
    for (const id of orderIds) {
      const row = rows.find((r) => r.id === id);
      if (!row) throw missing("orders", id);
      if (row.dealId && row.dealId !== dealId)
        throw conflict(`${id} is already on deal ${row.dealId}.`, "already_attached", "orders");
    }
    tx.update(serviceOrders).set({ dealId }).where(inArray(serviceOrders.id, orderIds)).run();
  }
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
