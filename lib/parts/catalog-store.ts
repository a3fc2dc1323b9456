import "server-only";
import type { DbOrTx } from "@/db/client";
import { rawRow, rawRows } from "@/db/raw";

/**
 * Catalog reads shared by queries and services. These are the hot paths (search, basket pricing,
 * ordering), so they are hand-written SQL through cached prepared statements (db/raw.ts), and
 * every lookup of many parts is one query over a JSON array (json_each), never one per part.
 */

export interface PartRow {
  seq: number;
  id: string;
  dealerId: string;
  brandCode: string;
  partCode: string;
  codeKey: string;
  description: string;
  category: string;
  weightGrams: number;
  unitOfSale: string;
  listPriceCents: number;
  taxRateBp: number;
  surchargeType: string | null;
  surchargeCents: number;
  requiresVin: boolean;
  supersededBySeq: number | null;
  supersessionDate: string | null;
  onHand: number;
  reserved: number;
  leadTimeDays: number;
  backOrderable: boolean;
  salesBlockReason: string | null;
}

export interface PartRef {
  seq: number;
  id: string;
  brandCode: string;
  partCode: string;
  description: string;
  supersededBySeq: number | null;
  supersessionDate: string | null;
  onHand: number;
  reserved: number;
}

// Rows are read as arrays (db/raw.ts rawRows) and built by the literals below: the column lists
// and the constructors must list the same columns in the same order.
const PART_COLUMNS = `p.seq, p.id, p.dealer_id, p.brand_code, p.part_code, p.code_key, p.description, p.category,
  p.weight_grams, p.unit_of_sale, p.list_price_cents, p.tax_rate_bp, p.surcharge_type, p.surcharge_cents,
  p.requires_vin, p.superseded_by_seq, p.supersession_date, s.on_hand, s.reserved, s.lead_time_days,
  s.back_orderable, s.sales_block_reason`;
const FROM = "from parts p join part_stocks s on s.part_seq = p.seq";

function toPart(r: unknown[]): PartRow {
  return {
    seq: r[0] as number,
    id: r[1] as string,
    dealerId: r[2] as string,
    brandCode: r[3] as string,
    partCode: r[4] as string,
    codeKey: r[5] as string,
    description: r[6] as string,
    category: r[7] as string,
    weightGrams: r[8] as number,
    unitOfSale: r[9] as string,
    listPriceCents: r[10] as number,
    taxRateBp: r[11] as number,
    surchargeType: r[12] as string | null,
    surchargeCents: r[13] as number,
    requiresVin: Boolean(r[14]),
    supersededBySeq: r[15] as number | null,
    supersessionDate: r[16] as string | null,
    onHand: r[17] as number,
    reserved: r[18] as number,
    leadTimeDays: r[19] as number,
    backOrderable: Boolean(r[20]),
    salesBlockReason: r[21] as string | null,
  };
}

const REF_COLUMNS = `p.seq, p.id, p.brand_code, p.part_code, p.description, p.superseded_by_seq,
  p.supersession_date, s.on_hand, s.reserved`;

function toRef(r: unknown[], from = 0): PartRef {
  return {
    seq: r[from] as number,
    id: r[from + 1] as string,
    brandCode: r[from + 2] as string,
    partCode: r[from + 3] as string,
    description: r[from + 4] as string,
    supersededBySeq: r[from + 5] as number | null,
    supersessionDate: r[from + 6] as string | null,
    onHand: r[from + 7] as number,
    reserved: r[from + 8] as number,
  };
}

export const availableOf = (p: { onHand: number; reserved: number }) => Math.max(0, p.onHand - p.reserved);

/**
 * The dealer's parts whose public id or seq is in the list, keyed by it: one query over a JSON
 * array (one index lookup per value, never a scan of the dealer's parts). Missing or foreign
 * values are simply absent.
 */
function partsIn<K extends string | number>(
  db: DbOrTx,
  dealerId: string,
  key: "id" | "seq",
  values: readonly K[],
): Map<K, PartRow> {
  const out = new Map<K, PartRow>();
  if (values.length === 0) return out;
  const rows = rawRows(
    db,
    `select ${PART_COLUMNS} ${FROM} where p.${key} in (select value from json_each(?)) and +p.dealer_id = ?`,
    JSON.stringify(values),
    dealerId,
  );
  for (const r of rows) {
    const part = toPart(r);
    out.set(part[key] as K, part);
  }
  return out;
}

export const partsByIds = (db: DbOrTx, dealerId: string, ids: readonly string[]) =>
  partsIn(db, dealerId, "id", ids);

export const partsBySeqs = (db: DbOrTx, dealerId: string, seqs: readonly number[]) =>
  partsIn(db, dealerId, "seq", seqs);

export function refsBySeqs(db: DbOrTx, seqs: readonly number[]): Map<number, PartRef> {
  if (seqs.length === 0) return new Map();
  const rows = rawRows(
    db,
    `select ${REF_COLUMNS} ${FROM} where p.seq in (select value from json_each(?))`,
    JSON.stringify(seqs),
  );
  const out = new Map<number, PartRef>();
  for (const r of rows) out.set(r[0] as number, toRef(r));
  return out;
}

/**
 * The last part of each part's supersession chain (the one to order), for many parts at once:
 * one query per chain step (chains are short), not one per part.
 */
export function latestOf(db: DbOrTx, dealerId: string, parts: readonly PartRow[]): Map<number, PartRow> {
  const latest = new Map<number, PartRow>();
  let frontier = parts.filter((p) => p.supersededBySeq !== null);
  for (const p of parts) if (p.supersededBySeq === null) latest.set(p.seq, p);
  const origin = new Map<number, number[]>(frontier.map((p) => [p.seq, [p.seq]]));
  for (let step = 0; frontier.length > 0 && step < 10; step++) {
    const next = partsBySeqs(db, dealerId, [...new Set(frontier.map((p) => p.supersededBySeq!))]);
    const nextFrontier: PartRow[] = [];
    const nextOrigin = new Map<number, number[]>();
    for (const p of frontier) {
      const successor = next.get(p.supersededBySeq!);
      const from = origin.get(p.seq) ?? [];
      if (!successor) {
        for (const o of from) latest.set(o, p);
        continue;
      }
      if (successor.supersededBySeq === null) for (const o of from) latest.set(o, successor);
      else {
        nextOrigin.set(successor.seq, [...(nextOrigin.get(successor.seq) ?? []), ...from]);
        if (!nextFrontier.some((x) => x.seq === successor.seq)) nextFrontier.push(successor);
      }
    }
    frontier = nextFrontier;
    for (const [k, v] of nextOrigin) origin.set(k, v);
  }
  return latest;
}

/** Alternatives of many parts at once: part seq -> its alternatives with their stock. */
export function alternativesOf(db: DbOrTx, seqs: readonly number[]): Map<number, PartRef[]> {
  const out = new Map<number, PartRef[]>();
  if (seqs.length === 0) return out;
  const rows = rawRows(
    db,
    `select a.part_seq, ${REF_COLUMNS}
     from part_alternatives a join parts p on p.seq = a.alternative_seq join part_stocks s on s.part_seq = p.seq
     where a.part_seq in (select value from json_each(?)) order by p.brand_code, p.code_key`,
    JSON.stringify(seqs),
  );
  for (const r of rows) {
    const forSeq = r[0] as number;
    const list = out.get(forSeq);
    if (list) list.push(toRef(r, 1));
    else out.set(forSeq, [toRef(r, 1)]);
  }
  return out;
}

/**
 * The alternative to offer for a back-ordered quantity: one that can fill it from stock (the most
 * stock first), else the one with the most stock, else none.
 */
export function bestAlternative(alternatives: readonly PartRef[], quantity: number): PartRef | null {
  const withStock = alternatives.filter((a) => availableOf(a) > 0);
  if (withStock.length === 0) return null;
  const sorted = [...withStock].sort((a, b) => availableOf(b) - availableOf(a));
  return sorted.find((a) => availableOf(a) >= quantity) ?? sorted[0];
}

/** Parts this one replaced (its predecessors), newest first. */
export function predecessorsOf(db: DbOrTx, seq: number): PartRef[] {
  const chain: PartRef[] = [];
  let at = seq;
  for (let i = 0; i < 10; i++) {
    const row = rawRow(
      db,
      `select ${REF_COLUMNS} ${FROM} where p.superseded_by_seq = ? order by p.supersession_date desc limit 1`,
      at,
    );
    if (!row) break;
    const prev = toRef(row);
    chain.push(prev);
    at = prev.seq;
  }
  return chain;
}

/** Successors of a part, in order, up to the current part number. */
export function successorsOf(db: DbOrTx, part: { supersededBySeq: number | null }): PartRef[] {
  const chain: PartRef[] = [];
  let next = part.supersededBySeq;
  for (let i = 0; next !== null && i < 10; i++) {
    const ref = refsBySeqs(db, [next]).get(next);
    if (!ref) break;
    chain.push(ref);
    next = ref.supersededBySeq;
  }
  return chain;
}

// ------------------------------------------------------------------ search

export type SearchCursor = { phase: "code"; key: string; id: string } | { phase: "text"; rowid: number };

/** Code-prefix matches in code order, after the cursor. */
export function searchByCode(
  db: DbOrTx,
  dealerId: string,
  prefix: string,
  brandCode: string | undefined,
  after: { key: string; id: string } | null,
  limit: number,
): PartRow[] {
  // Codes are [A-Z0-9]: every code starting with the prefix sorts below prefix + "~".
  const params: unknown[] = [dealerId];
  let where = "p.dealer_id = ?";
  if (brandCode) {
    where += " and p.brand_code = ?";
    params.push(brandCode);
  }
  where += " and p.code_key >= ? and p.code_key < ?";
  params.push(prefix, `${prefix}~`);
  if (after) {
    where += " and (p.code_key, p.id) > (?, ?)";
    params.push(after.key, after.id);
  }
  params.push(limit);
  return rawRows(
    db,
    `select ${PART_COLUMNS} ${FROM} where ${where} order by p.code_key, p.id limit ?`,
    ...params,
  ).map(toPart);
}

/**
 * Description/category word matches (FTS5, every word as a prefix), excluding parts the code
 * phase already returned, in catalog order after the cursor.
 */
export function searchByWords(
  db: DbOrTx,
  dealerId: string,
  match: string,
  codePrefix: string,
  brandCode: string | undefined,
  afterRowid: number,
  limit: number,
): PartRow[] {
  const params: unknown[] = [match, afterRowid, dealerId];
  let where = "parts_fts match ? and f.rowid > ? and p.dealer_id = ?";
  if (brandCode) {
    where += " and p.brand_code = ?";
    params.push(brandCode);
  }
  if (codePrefix) {
    where += " and not (p.code_key >= ? and p.code_key < ?)";
    params.push(codePrefix, `${codePrefix}~`);
  }
  params.push(limit);
  return rawRows(
    db,
    `select ${PART_COLUMNS} from parts_fts f join parts p on p.seq = f.rowid join part_stocks s on s.part_seq = p.seq
     where ${where} order by f.rowid limit ?`,
    ...params,
  ).map(toPart);
}

/** The longest prefix the full-text index keeps a prefix index for (see the migration). */
const MAX_INDEXED_PREFIX = 10;

/**
 * "Brake pads, front!" -> `"brake"* "pads"* "front"*`: every word a quoted prefix, so no FTS
 * syntax gets through. One-letter words are dropped and long words cut to 10 characters: those
 * prefixes have an index, which keeps every query fast ("remanufactured" matches as "remanufact").
 */
export function ftsQuery(text: string): string | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => w.length >= 2)
    .slice(0, 8)
    .map((w) => w.slice(0, MAX_INDEXED_PREFIX));
  return words.length ? words.map((w) => `"${w}"*`).join(" ") : null;
}
