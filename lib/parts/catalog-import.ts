import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { statement } from "@/db/raw";
import { nowMs } from "@/lib/platform/clock";
import { BRANDS, codeKey, type GeneratedPart, generateCatalog } from "./catalog-generator";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A partId that looks random but is the same for the same dealer and part code (re-imports match). */
export function partIdFor(dealerId: string, brandCode: string, code: string): string {
  const digest = createHash("sha256")
    .update(`${dealerId}:${brandCode}:${codeKey(code)}`)
    .digest();
  let id = "";
  for (let i = 0; i < 16; i++) id += BASE62[digest[i] % 62];
  return `part_${id}`;
}

/** The brand:codeKey pairs a dealer's catalog already uses (so a new batch avoids them). */
export function usedCodes(db: Db, dealerId: string): Set<string> {
  const rows = statement(db, "select brand_code as b, code_key as k from parts where dealer_id = ?").all(
    dealerId,
  ) as { b: string; k: string }[];
  return new Set(rows.map((r) => `${r.b}:${r.k}`));
}

/**
 * Writes generated parts (with stock, supersessions and alternatives) into a dealer's catalog in
 * one transaction. Parts whose code the dealer already has are skipped. Returns how many were added.
 */
export function importCatalog(
  db: Db,
  dealerId: string,
  parts: readonly GeneratedPart[],
  taxRateBp: number,
): number {
  const now = nowMs();
  return db.transaction((tx) => {
    const brand = statement(
      tx,
      "insert or ignore into part_brands (dealer_id, code, name, created_at) values (?, ?, ?, ?)",
    );
    for (const b of BRANDS)
      if (parts.some((p) => p.brandCode === b.code)) brand.run(dealerId, b.code, b.name, now);

    const insertPart = statement(
      tx,
      `insert or ignore into parts (id, dealer_id, brand_code, part_code, code_key, description, category, weight_grams,
        unit_of_sale, list_price_cents, tax_rate_bp, surcharge_type, surcharge_cents, requires_vin, supersession_date, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertStock = statement(
      tx,
      `insert into part_stocks (part_seq, dealer_id, on_hand, reserved, lead_time_days, back_orderable, sales_block_reason, updated_at)
       values (?, ?, ?, 0, ?, ?, ?, ?)`,
    );
    const seqs: (number | null)[] = [];
    for (const p of parts) {
      const result = insertPart.run(
        partIdFor(dealerId, p.brandCode, p.partCode),
        dealerId,
        p.brandCode,
        p.partCode,
        codeKey(p.partCode),
        p.description,
        p.category,
        p.weightGrams,
        p.unitOfSale,
        p.listPriceCents,
        taxRateBp,
        p.surchargeCents > 0 ? "CORE_CHARGE" : null,
        p.surchargeCents,
        p.requiresVin ? 1 : 0,
        p.supersessionDate,
        now,
      );
      if (result.changes === 0) {
        seqs.push(null);
        continue;
      }
      const seq = Number(result.lastInsertRowid);
      seqs.push(seq);
      insertStock.run(
        seq,
        dealerId,
        p.onHand,
        p.leadTimeDays,
        p.backOrderable ? 1 : 0,
        p.salesBlockReason,
        now,
      );
    }
    const supersede = statement(tx, "update parts set superseded_by_seq = ? where seq = ?");
    const alternative = statement(
      tx,
      "insert or ignore into part_alternatives (dealer_id, part_seq, alternative_seq) values (?, ?, ?)",
    );
    parts.forEach((p, i) => {
      const seq = seqs[i];
      if (seq === null) return;
      const next = p.supersededBy === null ? null : seqs[p.supersededBy];
      if (next !== null && next !== undefined) supersede.run(next, seq);
      for (const j of p.alternatives) if (seqs[j] != null) alternative.run(dealerId, seq, seqs[j]);
    });
    return seqs.filter((s) => s !== null).length;
  });
}

/**
 * Adds `count` generated parts to a dealer's catalog (the CLI's `parts generate`, used by the
 * bench to search a 100,000-part catalog). Deterministic for a dealer, seed and count.
 */
export function generateIntoCatalog(
  db: Db,
  dealerId: string,
  opts: { count: number; seed: string; taxRateBp: number; featured?: boolean },
): number {
  const avoid = usedCodes(db, dealerId);
  const parts = generateCatalog({ seed: opts.seed, count: opts.count, featured: opts.featured, avoid });
  return importCatalog(db, dealerId, parts, opts.taxRateBp);
}
