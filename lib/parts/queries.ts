import "server-only";
import { and, desc, eq, like, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { selectRows, statement } from "@/db/raw";
import { type LineStatus, type OrderType, partsOrders, tradeCustomers } from "@/db/schema";
import { type Actor, dealerOf, requireScope } from "@/lib/platform/actor";
import { nowMs } from "@/lib/platform/clock";
import { AppError, invalid, notFound } from "@/lib/platform/errors";
import { afterCursor, page } from "@/lib/platform/pagination";
import { parseInput } from "@/lib/platform/validation";
import { codeKey } from "./catalog-generator";
import {
  alternativesOf,
  ftsQuery,
  latestOf,
  type PartRow,
  partsByIds,
  predecessorsOf,
  refsBySeqs,
  type SearchCursor,
  searchByCode,
  searchByWords,
  successorsOf,
} from "./catalog-store";
import { availableActions } from "./line-lifecycle";
import { dealerOfOrder, findOrder, isOps, orderDto, orderDtos } from "./order-view";
import { priceLine, sumAmounts } from "./pricing";
import {
  type COUNTER_STAGES,
  counterQuerySchema,
  customersQuerySchema,
  orderFiltersSchema,
  partSearchSchema,
  priceAvailabilitySchema,
} from "./schema";
import {
  amountDto,
  serializeCustomer,
  serializePartDetail,
  serializePartSummary,
  serializePriceLine,
} from "./serialize";
import { findCustomer } from "./service";

const DAY_MS = 86_400_000;

// ------------------------------------------------------------------ catalog

/** GET /parts/brands */
export function listBrands(db: Db, actor: Actor) {
  requireScope(actor, "parts.read");
  const rows = statement(
    db,
    "select code as brandCode, name as brandName from part_brands where dealer_id = ? order by name",
  ).all(dealerOf(actor)) as { brandCode: string; brandName: string }[];
  return { data: rows };
}

const encodeSearchCursor = (c: SearchCursor) =>
  Buffer.from(c.phase === "code" ? `c|${c.key}|${c.id}` : `t|${c.rowid}`).toString("base64url");

function decodeSearchCursor(raw: string): SearchCursor {
  const [phase, a, b] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (phase === "c" && a !== undefined && b) return { phase: "code", key: a, id: b };
  if (phase === "t" && /^\d{1,15}$/.test(a ?? "")) return { phase: "text", rowid: Number(a) };
  throw invalid("cursor", "This cursor is not valid.");
}

/**
 * GET /parts?query=&brandCode=: parts whose code starts with the query (separators and case
 * ignored), then parts whose description or category has every word of it (as word prefixes).
 * Each phase walks an index in order and stops at the page size, so a page costs the same over
 * 2,000 parts or 100,000.
 */
export function searchParts(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "parts.read");
  const dealerId = dealerOf(actor);
  const q = parseInput(partSearchSchema, raw);
  const text = q.query ?? "";
  const prefix = codeKey(text);
  const words = ftsQuery(text);
  const cursor = q.cursor ? decodeSearchCursor(q.cursor) : null;
  // Plain words ("brake pads") rarely start a part code; a code-like query ("FL-5", "04152") does.
  const wantCode = prefix.length > 0 || !words;
  const rows: { part: PartRow; cursor: SearchCursor }[] = [];

  if (wantCode && cursor?.phase !== "text") {
    const after = cursor?.phase === "code" ? { key: cursor.key, id: cursor.id } : null;
    for (const p of searchByCode(db, dealerId, prefix, q.brandCode, after, q.limit + 1))
      rows.push({ part: p, cursor: { phase: "code", key: p.codeKey, id: p.id } });
  }
  if (words && rows.length <= q.limit) {
    const afterRowid = cursor?.phase === "text" ? cursor.rowid : 0;
    const need = q.limit + 1 - rows.length;
    for (const p of searchByWords(db, dealerId, words, wantCode ? prefix : "", q.brandCode, afterRowid, need))
      rows.push({ part: p, cursor: { phase: "text", rowid: p.seq } });
  }
  const more = rows.length > q.limit;
  const pageRows = rows.slice(0, q.limit);
  const replacements = refsBySeqs(
    db,
    pageRows.flatMap((r) => (r.part.supersededBySeq ? [r.part.supersededBySeq] : [])),
  );
  return {
    data: pageRows.map((r) =>
      serializePartSummary(
        r.part,
        r.part.supersededBySeq ? (replacements.get(r.part.supersededBySeq) ?? null) : null,
      ),
    ),
    nextCursor: more ? encodeSearchCursor(pageRows[pageRows.length - 1].cursor) : null,
  };
}

/** GET /parts/:partId: details, stock, supersession chain, alternatives. */
export function getPart(db: Db, actor: Actor, partId: string) {
  requireScope(actor, "parts.read");
  const part = partsByIds(db, dealerOf(actor), [partId]).get(partId);
  if (!part) throw notFound("part");
  return serializePartDetail(
    part,
    { predecessors: predecessorsOf(db, part.seq), successors: successorsOf(db, part) },
    alternativesOf(db, [part.seq]).get(part.seq) ?? [],
  );
}

// ------------------------------------------------------------------ pricing and availability

/**
 * POST /parts/price-availability: a basket priced for one trade account. One query for the parts,
 * one per supersession step, one for alternatives of short lines: never one per line.
 */
export function priceAvailability(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "parts.read");
  const dealerId = dealerOf(actor);
  const input = parseInput(priceAvailabilitySchema, raw);
  const customer = findCustomer(db, dealerId, input.customerId);
  const parts = partsByIds(
    db,
    dealerId,
    input.parts.map((l) => l.partId),
  );
  input.parts.forEach((l, i) => {
    if (!parts.has(l.partId))
      throw new AppError({
        type: "not_found",
        code: "resource_missing",
        message: "No such part.",
        param: `parts.${i}.partId`,
      });
  });
  const superseded = [...parts.values()].filter((p) => p.supersededBySeq !== null);
  const latest = superseded.length ? latestOf(db, dealerId, superseded) : new Map<number, PartRow>();
  const immediate = refsBySeqs(
    db,
    superseded.map((p) => p.supersededBySeq!),
  );
  // Lines that cannot be filled from stock get alternatives offered.
  const short = input.parts
    .map((l) => parts.get(l.partId)!)
    .filter((p, i) => Math.max(0, p.onHand - p.reserved) < input.parts[i].quantity)
    .map((p) => p.seq);
  const alternatives = alternativesOf(db, [...new Set(short)]);
  const today = nowMs();

  const lines = input.parts.map((l) => {
    const p = parts.get(l.partId)!;
    const price = priceLine(p, customer, l.quantity);
    const suggested = p.supersededBySeq !== null ? (latest.get(p.seq) ?? null) : null;
    return {
      price,
      blocked: p.salesBlockReason !== null,
      dto: serializePriceLine(p, l.quantity, price, {
        replacedBy: p.supersededBySeq !== null ? (immediate.get(p.supersededBySeq) ?? null) : null,
        suggestedReplacement: suggested,
        alternatives: alternatives.get(p.seq) ?? [],
        expectedDate: new Date(today + p.leadTimeDays * DAY_MS).toISOString(),
      }),
    };
  });
  const priced = lines.filter((l) => !l.blocked);
  return {
    customerId: customer.id,
    accountNumber: customer.accountNumber,
    parts: lines.map((l) => l.dto),
    totals: {
      ...amountDto(sumAmounts(priced.map((l) => l.price.total))),
      surchargeValue: amountDto(
        sumAmounts(
          priced.flatMap((l) => (l.price.surcharge ? [scale(l.price.surcharge, l.dto.quantity)] : [])),
        ),
      ).netValue,
      lineCount: lines.length,
      backOrderLineCount: lines.filter((l) => l.dto.isBackOrder).length,
      salesBlockedLineCount: lines.length - priced.length,
    },
  };
}

const scale = (a: { netCents: number; taxCents: number; grossCents: number }, n: number) => ({
  netCents: a.netCents * n,
  taxCents: a.taxCents * n,
  grossCents: a.grossCents * n,
});

// ------------------------------------------------------------------ trade accounts

/** GET /customers: the dealer's trade accounts, newest first. */
export function listCustomers(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "customers.read");
  const q = parseInput(customersQuerySchema, raw);
  const rows = db
    .select()
    .from(tradeCustomers)
    .where(
      and(
        eq(tradeCustomers.dealerId, dealerOf(actor)),
        afterCursor(q.cursor, tradeCustomers.createdAt, tradeCustomers.id),
      ),
    )
    .orderBy(desc(tradeCustomers.createdAt), desc(tradeCustomers.id))
    .limit(q.limit + 1)
    .all();
  const { data, nextCursor } = page(rows, q.limit);
  return { data: data.map(serializeCustomer), nextCursor };
}

/** Every active account of the dealer, by name (the basket's account picker). */
export function accountsForBasket(db: Db, actor: Actor) {
  requireScope(actor, "customers.read");
  return selectRows(
    db,
    tradeCustomers,
    "where dealer_id = ? and active = 1 order by company_name",
    dealerOf(actor),
  ).map(serializeCustomer);
}

// ------------------------------------------------------------------ orders

export function getOrder(db: Db, actor: Actor, id: string) {
  requireScope(actor, "parts_orders.read");
  return orderDto(db, findOrder(db, actor, id), true);
}

/** The order page: the order with its history, and the dealer's time zone for showing times. */
export function getOrderPage(db: Db, actor: Actor, id: string) {
  requireScope(actor, "parts_orders.read");
  const order = findOrder(db, actor, id);
  return { order: orderDto(db, order, true), dealer: dealerOfOrder(db, order) };
}

/** GET /parts-orders: newest first; filter by derived status, account, or reference/id text. */
export function listOrders(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "parts_orders.read");
  const f = parseInput(orderFiltersSchema, raw);
  const text = f.q?.replace(/[%_]/g, "");
  const rows = db
    .select()
    .from(partsOrders)
    .where(
      and(
        eq(partsOrders.dealerId, dealerOf(actor)),
        f.orderStatus ? eq(partsOrders.orderStatus, f.orderStatus) : undefined,
        f.customerId ? eq(partsOrders.customerId, f.customerId) : undefined,
        text
          ? or(like(partsOrders.orderReference, `%${text}%`), like(partsOrders.id, `${text}%`))
          : undefined,
        afterCursor(f.cursor, partsOrders.createdAt, partsOrders.id),
      ),
    )
    .orderBy(desc(partsOrders.createdAt), desc(partsOrders.id))
    .limit(f.limit + 1)
    .all();
  const { data, nextCursor } = page(rows, f.limit);
  return { data: orderDtos(db, data), nextCursor };
}

const STAGE_STATUS: Record<(typeof COUNTER_STAGES)[number], LineStatus> = {
  pick: "RESERVED",
  pack: "ISSUED",
  ship: "PACKED",
  deliver: "INTRANSIT",
  invoice: "DELIVERED",
  backorder: "BACKORDER",
};

export interface CounterLine {
  orderLineId: string;
  partsOrderId: string;
  lineNumber: number;
  status: LineStatus;
  orderType: OrderType;
  orderStatus: string;
  quantity: number;
  partCode: string;
  brandCode: string;
  description: string;
  companyName: string;
  dealerName: string;
  createdAt: string;
  expectedAt: string | null;
  onHand: number;
  actions: string[];
}

/**
 * The parts counter's queue: lines waiting for the next warehouse step, oldest first. Dealer
 * users see their dealer's; ops (the counter team) every dealer's.
 */
export function counterQueue(db: Db, actor: Actor, raw: unknown): CounterLine[] {
  requireScope(actor, "parts_orders.read");
  const q = parseInput(counterQuerySchema, raw);
  const statuses = q.stage ? [STAGE_STATUS[q.stage]] : Object.values(STAGE_STATUS);
  const all = isOps(actor);
  const rows = statement(
    db,
    `select l.id as orderLineId, l.order_id as partsOrderId, l.line_number as lineNumber, l.status, l.quantity,
       l.created_at as createdAt, l.expected_at as expectedAt, o.order_type as orderType, o.order_status as orderStatus,
       p.part_code as partCode, p.brand_code as brandCode, p.description, c.company_name as companyName,
       d.name as dealerName, s.on_hand as onHand
     from parts_order_lines l
       join parts_orders o on o.id = l.order_id
       join parts p on p.seq = l.part_seq
       join part_stocks s on s.part_seq = l.part_seq
       join trade_customers c on c.id = o.customer_id
       join dealers d on d.id = l.dealer_id
     where l.status in (select value from json_each(?)) and (? = 1 or l.dealer_id = ?)
     order by l.created_at, l.order_id, l.line_number
     limit 300`,
  ).all(JSON.stringify(statuses), all ? 1 : 0, all ? "" : dealerOf(actor)) as (Omit<
    CounterLine,
    "createdAt" | "expectedAt" | "actions"
  > & { createdAt: number; expectedAt: number | null })[];
  return rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
    expectedAt: r.expectedAt ? new Date(r.expectedAt).toISOString() : null,
    actions: availableActions(r.status, r.orderType).filter((a) => a !== "accept_alternative"),
  }));
}
