import "server-only";
import type { DbOrTx } from "@/db/client";
import { selectRows, statement } from "@/db/raw";
import {
  type PartsOrder,
  partsOrderLines,
  partsOrders,
  type TimelineEntry,
  timelineEntries,
  tradeCustomers,
} from "@/db/schema";
import { type Actor, dealerOf } from "@/lib/platform/actor";
import { notFound } from "@/lib/platform/errors";
import { alternativesOf, bestAlternative, refsBySeqs } from "./catalog-store";
import { serializeOrder } from "./serialize";

export const isOps = (actor: Actor) => actor.kind === "user" && actor.role === "ops";

/** An order the actor may see: its own dealer's, or any dealer's for ops (the parts counter team). */
export function findOrder(db: DbOrTx, actor: Actor, id: string): PartsOrder {
  const [order] = isOps(actor)
    ? selectRows(db, partsOrders, "where id = ?", id)
    : selectRows(db, partsOrders, "where id = ? and dealer_id = ?", id, dealerOf(actor));
  if (!order) throw notFound("parts order");
  return order;
}

function historyOf(db: DbOrTx, orderId: string): TimelineEntry[] {
  return selectRows(
    db,
    timelineEntries,
    "where subject_type = 'parts_order' and subject_id = ? order by at, id",
    orderId,
  );
}

/**
 * API objects for several orders with a fixed number of queries (lines, parts, customers,
 * alternatives), whatever the number of orders or lines.
 */
export function orderDtos(db: DbOrTx, orders: readonly PartsOrder[], withHistory = false) {
  if (orders.length === 0) return [];
  const ids = JSON.stringify(orders.map((o) => o.id));
  const lines = selectRows(
    db,
    partsOrderLines,
    "where order_id in (select value from json_each(?)) order by order_id, line_number",
    ids,
  );
  const seqs = [
    ...new Set(lines.flatMap((l) => [l.partSeq, ...(l.requestedPartSeq ? [l.requestedPartSeq] : [])])),
  ];
  const refs = refsBySeqs(db, seqs);
  const backOrdered = [...new Set(lines.filter((l) => l.status === "BACKORDER").map((l) => l.partSeq))];
  const alternatives = alternativesOf(db, backOrdered);
  const customers = new Map(
    selectRows(
      db,
      tradeCustomers,
      "where id in (select value from json_each(?))",
      JSON.stringify([...new Set(orders.map((o) => o.customerId))]),
    ).map((c) => [c.id, c]),
  );
  return orders.map((o) =>
    serializeOrder(
      o,
      customers.get(o.customerId) ?? { accountNumber: "", companyName: "" },
      lines
        .filter((l) => l.orderId === o.id)
        .map((line) => ({
          line,
          part: refs.get(line.partSeq)!,
          requested: line.requestedPartSeq ? (refs.get(line.requestedPartSeq) ?? null) : null,
          suggestedAlternative:
            line.status === "BACKORDER"
              ? bestAlternative(alternatives.get(line.partSeq) ?? [], line.quantity)
              : null,
        })),
      withHistory ? historyOf(db, o.id) : null,
    ),
  );
}

export function orderDto(db: DbOrTx, order: PartsOrder, withHistory = false) {
  return orderDtos(db, [order], withHistory)[0];
}

/** The dealer's name and time zone for an order (pages show times in the dealer's zone). */
export function dealerOfOrder(db: DbOrTx, order: PartsOrder): { name: string; timeZone: string } {
  return statement(db, "select name, time_zone as timeZone from dealers where id = ?").get(
    order.dealerId,
  ) as {
    name: string;
    timeZone: string;
  };
}
