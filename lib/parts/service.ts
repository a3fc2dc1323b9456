import "server-only";
import type { Db, DbOrTx } from "@/db/client";
import { insertRow, selectRows, statement } from "@/db/raw";
import {
  type LineStatus,
  type PartsOrder,
  type PartsOrderLine,
  partsOrderLines,
  partsOrders,
  type TradeCustomer,
  tradeCustomers,
  type VehicleReference,
} from "@/db/schema";
import { type Actor, dealerOf, requireScope } from "@/lib/platform/actor";
import { nowMs } from "@/lib/platform/clock";
import { AppError, conflict, invalid } from "@/lib/platform/errors";
import { recordChange } from "@/lib/platform/events";
import { newId } from "@/lib/platform/ids";
import { parseInput } from "@/lib/platform/validation";
import {
  alternativesOf,
  availableOf,
  bestAlternative,
  latestOf,
  type PartRow,
  partsByIds,
  partsBySeqs,
} from "./catalog-store";
import { type LineAction, nextStatus, stockEffect } from "./line-lifecycle";
import { deriveOrderStatus } from "./order-status";
import { findOrder, orderDto } from "./order-view";
import { priceLine } from "./pricing";
import { lineActionSchema, placeOrderSchema } from "./schema";

const IMMEDIATE = { behavior: "immediate" } as const;
const DAY_MS = 86_400_000;

const missing = (what: string, param: string) =>
  new AppError({ type: "not_found", code: "resource_missing", message: `No such ${what}.`, param });

/** The dealer's trade account, or 404 (another dealer's customerId included). */
export function findCustomer(
  db: DbOrTx,
  dealerId: string,
  customerId: string,
  param = "customerId",
): TradeCustomer {
  const [customer] = selectRows(db, tradeCustomers, "where id = ? and dealer_id = ?", customerId, dealerId);
  if (!customer) throw missing("customer", param);
  if (!customer.active)
    throw invalid(param, `Account ${customer.accountNumber} is closed; it cannot order.`, "account_inactive");
  return customer;
}

interface DraftLine {
  part: PartRow;
  requested: PartRow | null;
  quantity: number;
  vehicleReferences: VehicleReference[];
  replacesLineId: string | null;
  /** Where errors about this line point (`parts.2.quantity`...). */
  param: string;
}

/**
 * Reserves what is available and back-orders the rest, writing one RESERVED line and/or one
 * BACKORDER line per request line. Runs inside the caller's IMMEDIATE transaction: SQLite's write
 * lock makes the read of free stock and the reservation one atomic step, so two orders for the
 * last unit cannot both get it. The UPDATE's guard and the table's CHECK are a second line of defence.
 */
function reserveLines(
  tx: DbOrTx,
  order: { id: string; dealerId: string; createdAt: number },
  customer: TradeCustomer,
  drafts: DraftLine[],
  firstLineNumber: number,
): PartsOrderLine[] {
  const free = new Map<number, number>();
  const written: PartsOrderLine[] = [];
  let lineNumber = firstLineNumber;
  const reserve = statement(
    tx,
    "update part_stocks set reserved = reserved + ?, updated_at = ? where part_seq = ? and on_hand - reserved >= ?",
  );
  for (const d of drafts) {
    const p = d.part;
    const available = free.get(p.seq) ?? availableOf(p);
    const take = Math.min(available, d.quantity);
    const rest = d.quantity - take;
    if (rest > 0 && !p.backOrderable) {
      throw conflict(
        `Only ${available} of ${p.brandCode} ${p.partCode} available, and it cannot be back-ordered.`,
        "insufficient_stock",
        `${d.param}.quantity`,
      );
    }
    if (take > 0 && reserve.run(take, order.createdAt, p.seq, take).changes !== 1)
      throw conflict("Stock changed while ordering; try again.", "stock_changed", `${d.param}.quantity`);
    free.set(p.seq, available - take);
    const price = priceLine(p, customer, 1);
    const base = {
      dealerId: order.dealerId,
      orderId: order.id,
      partSeq: p.seq,
      requestedPartSeq: d.requested?.seq ?? null,
      listPriceCents: p.listPriceCents,
      orderPriceCents: price.order.netCents,
      surchargeCents: p.surchargeCents,
      taxRateBp: p.taxRateBp,
      vehicleReferences: d.vehicleReferences,
      replacesLineId: d.replacesLineId,
      createdAt: new Date(order.createdAt),
      updatedAt: new Date(order.createdAt),
    };
    const parts: [LineStatus, number][] = [];
    if (take > 0) parts.push(["RESERVED", take]);
    if (rest > 0) parts.push(["BACKORDER", rest]);
    for (const [status, quantity] of parts) {
      const line: PartsOrderLine = {
        ...base,
        id: newId("pline"),
        lineNumber: lineNumber++,
        quantity,
        status,
        expectedAt: status === "BACKORDER" ? new Date(order.createdAt + p.leadTimeDays * DAY_MS) : null,
      };
      insertRow(tx, partsOrderLines, line);
      written.push(line);
    }
  }
  return written;
}

function describeLines(lines: PartsOrderLine[]): string {
  const reserved = lines.filter((l) => l.status === "RESERVED").length;
  const back = lines.filter((l) => l.status === "BACKORDER").length;
  return [reserved ? `${reserved} reserved` : null, back ? `${back} on back-order` : null]
    .filter(Boolean)
    .join(", ");
}

/** POST /parts-orders: validates everything first, then reserves stock and records the order atomically. */
export function placeOrder(db: Db, actor: Actor, input: unknown) {
  requireScope(actor, "parts_orders.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(placeOrderSchema, input);
  return db.transaction((tx) => {
    const customer = findCustomer(tx, dealerId, data.customerId);
    if (!customer.allowedOrderTypes.includes(data.orderType)) {
      throw invalid(
        "orderType",
        `Account ${customer.accountNumber} places ${customer.allowedOrderTypes.join(", ")} orders, not ${data.orderType}.`,
        "order_type_not_allowed",
      );
    }
    if (customer.orderReferenceRequired && !data.orderReference)
      throw invalid(
        "orderReference",
        `Account ${customer.accountNumber} requires an order reference.`,
        "field_missing",
      );

    const found = partsByIds(
      tx,
      dealerId,
      data.parts.map((l) => l.part.partId),
    );
    data.parts.forEach((l, i) => {
      if (!found.has(l.part.partId)) throw missing("part", `parts.${i}.part.partId`);
    });
    // Supersession is followed automatically: an old number is ordered as its current replacement.
    const latest = latestOf(tx, dealerId, [...found.values()]);
    const drafts: DraftLine[] = data.parts.map((l, i) => {
      const asked = found.get(l.part.partId)!;
      const part = latest.get(asked.seq) ?? asked;
      const param = `parts.${i}`;
      if (part.salesBlockReason) {
        throw invalid(
          `${param}.part.partId`,
          `${part.brandCode} ${part.partCode} cannot be sold: ${part.salesBlockReason}.`,
          "part_sales_blocked",
        );
      }
      const refs = l.mandatoryVehicleReferences ?? [];
      if (part.requiresVin && !refs.some((r) => r.type === "VIN")) {
        throw invalid(
          `${param}.mandatoryVehicleReferences`,
          `${part.brandCode} ${part.partCode} is coded to a vehicle: send its VIN.`,
          "field_missing",
        );
      }
      return {
        part,
        requested: part.seq === asked.seq ? null : asked,
        quantity: l.quantity,
        vehicleReferences: refs.map((r) => ({ type: r.type, value: r.value })),
        replacesLineId: null,
        param,
      };
    });

    const now = nowMs();
    const order: PartsOrder = {
      id: newId("porder"),
      dealerId,
      customerId: customer.id,
      orderType: data.orderType,
      orderReference: data.orderReference || null,
      contact: {
        name: data.orderContact.name,
        phone: data.orderContact.phone,
        email: data.orderContact.email,
        companyName: data.orderContact.companyName || customer.companyName,
      },
      deliveryAddress: data.alternateDeliveryAddress ?? null,
      orderStatus: "CREATED",
      createdAt: new Date(now),
      updatedAt: new Date(now),
    };
    insertRow(tx, partsOrders, order);
    const lines = reserveLines(tx, { id: order.id, dealerId, createdAt: now }, customer, drafts, 1);
    order.orderStatus = deriveOrderStatus(lines.map((l) => l.status));
    statement(tx, "update parts_orders set order_status = ? where id = ?").run(order.orderStatus, order.id);

    const dto = orderDto(tx, order);
    recordChange(tx, {
      dealerId,
      actor,
      subject: { type: "parts_order", id: order.id },
      to: order.orderStatus,
      note: `Order placed for ${customer.companyName} (${customer.accountNumber}): ${describeLines(lines)}.`,
      event: { name: "parts_order.created", type: "parts_order", data: dto },
    });
    return dto;
  }, IMMEDIATE);
}

const PAST_TENSE: Record<LineAction, string> = {
  pick: "picked",
  pack: "packed",
  ship: "shipped",
  deliver: "delivered",
  invoice: "invoiced",
  receive: "received from the supplier and reserved",
  cancel: "cancelled",
  accept_alternative: "replaced by an alternative",
};

/** Applies a transition's stock effect: [change in on hand, change in reserved] for the line's units. */
function moveStock(tx: DbOrTx, action: LineAction, line: PartsOrderLine, at: number) {
  const q = line.quantity;
  const change = {
    issue: [-q, -q],
    receive_and_reserve: [q, q],
    release: [0, -q],
    restock: [q, 0],
    none: null,
  }[stockEffect(action, line.status)];
  if (change)
    statement(
      tx,
      "update part_stocks set on_hand = on_hand + ?, reserved = reserved + ?, updated_at = ? where part_seq = ?",
    ).run(change[0], change[1], at, line.partSeq);
}

/**
 * PATCH /parts-orders/:id/lines/:lineId. The parts counter picks, packs, ships, delivers and
 * invoices lines (and receives back-ordered stock); the customer cancels a line or accepts the
 * suggested alternative for a back-ordered one. A step that does not follow is a 409.
 */
export function updateOrderLine(db: Db, actor: Actor, orderId: string, lineId: string, input: unknown) {
  requireScope(actor, "parts_orders.write");
  const data = parseInput(lineActionSchema, input);
  return db.transaction((tx) => {
    const order = findOrder(tx, actor, orderId);
    const [line] = selectRows(tx, partsOrderLines, "where id = ? and order_id = ?", lineId, order.id);
    if (!line) throw missing("order line", "lineId");
    const to = nextStatus(data.action, line.status, order.orderType);
    if (!to) {
      throw conflict(
        `Line ${line.lineNumber} is ${line.status}; it cannot be ${PAST_TENSE[data.action]} now.`,
        "invalid_transition",
        "action",
      );
    }
    const now = nowMs();
    let added: PartsOrderLine[] = [];
    if (data.action === "accept_alternative")
      added = substitute(tx, order, line, data.alternativePartId, now);
    moveStock(tx, data.action, line, now);
    statement(tx, "update parts_order_lines set status = ?, updated_at = ? where id = ?").run(
      to,
      now,
      line.id,
    );

    const statuses = (
      statement(tx, "select status from parts_order_lines where order_id = ?").all(order.id) as {
        status: LineStatus;
      }[]
    ).map((r) => r.status);
    const before = order.orderStatus;
    order.orderStatus = deriveOrderStatus(statuses);
    order.updatedAt = new Date(now);
    statement(tx, "update parts_orders set order_status = ?, updated_at = ? where id = ?").run(
      order.orderStatus,
      now,
      order.id,
    );

    const part = partsBySeqs(tx, order.dealerId, [line.partSeq]).get(line.partSeq);
    const what = `Line ${line.lineNumber} · ${part ? `${part.brandCode} ${part.partCode}` : "part"} × ${line.quantity}`;
    const replacement = added.length
      ? ` Now line ${added.map((l) => `${l.lineNumber} (${l.status})`).join(" and ")}.`
      : "";
    const orderChange = before !== order.orderStatus ? ` Order is now ${order.orderStatus}.` : "";
    const dto = orderDto(tx, order);
    recordChange(tx, {
      dealerId: order.dealerId,
      actor,
      subject: { type: "parts_order", id: order.id },
      from: line.status,
      to,
      note: `${what} ${PAST_TENSE[data.action]}.${replacement}${orderChange}${data.note ? ` ${data.note}` : ""}`,
      data: { orderLineId: line.id, action: data.action, orderStatus: order.orderStatus },
      event: { name: "parts_order.updated", type: "parts_order", data: dto },
    });
    return dto;
  }, IMMEDIATE);
}

/** Accepting an alternative: the back-ordered line is cancelled and the alternative ordered in its place. */
function substitute(
  tx: DbOrTx,
  order: PartsOrder,
  line: PartsOrderLine,
  chosenId: string | undefined,
  now: number,
): PartsOrderLine[] {
  const offered = alternativesOf(tx, [line.partSeq]).get(line.partSeq) ?? [];
  const choice = chosenId ? offered.find((a) => a.id === chosenId) : bestAlternative(offered, line.quantity);
  if (chosenId && !choice)
    throw invalid(
      "alternativePartId",
      "That part is not an alternative of this line's part.",
      "not_an_alternative",
    );
  if (!choice) throw conflict("No alternative is in stock for this part.", "no_alternative", "action");
  const alt = partsBySeqs(tx, order.dealerId, [choice.seq]).get(choice.seq)!;
  if (alt.salesBlockReason)
    throw invalid(
      "alternativePartId",
      `${alt.brandCode} ${alt.partCode} cannot be sold: ${alt.salesBlockReason}.`,
      "part_sales_blocked",
    );
  const customer = selectRows(tx, tradeCustomers, "where id = ?", order.customerId)[0];
  const last = statement(tx, "select max(line_number) as n from parts_order_lines where order_id = ?").get(
    order.id,
  ) as {
    n: number;
  };
  return reserveLines(
    tx,
    { id: order.id, dealerId: order.dealerId, createdAt: now },
    customer,
    [
      {
        part: alt,
        requested: partsBySeqs(tx, order.dealerId, [line.partSeq]).get(line.partSeq) ?? null,
        quantity: line.quantity,
        vehicleReferences: line.vehicleReferences,
        replacesLineId: line.id,
        param: "alternativePartId",
      },
    ],
    last.n + 1,
  );
}
