import { describe, expect, it } from "vitest";
import { codeKey, FEATURED_PARTS, generateCatalog, seededRandom } from "./catalog-generator";

describe("generateCatalog", () => {
  const parts = generateCatalog({ seed: "riverside", count: 2400, featured: true });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(generateCatalog({ seed: "riverside", count: 2400, featured: true })).toEqual(parts);
    const other = generateCatalog({ seed: "bayview", count: 200 });
    expect(other.map((p) => p.partCode)).not.toEqual(parts.slice(0, 200).map((p) => p.partCode));
    expect(seededRandom("x")()).toBe(seededRandom("x")());
  });

  it("makes the requested count over at least 3 brands, codes unique per brand", () => {
    expect(parts).toHaveLength(2400);
    const brands = new Set(parts.map((p) => p.brandCode));
    expect(brands.size).toBeGreaterThanOrEqual(3);
    const keys = parts.map((p) => `${p.brandCode}:${codeKey(p.partCode)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("follows each brand's numbering convention", () => {
    const patterns: Record<string, RegExp> = {
      FD: /^[A-Z]{2}\d[Z]-[0-9A-Z]{4,6}-[A-Z]{1,3}$/,
      TY: /^\d{5}-[0-9A-Z]{5}(-\d{2})?$/,
      HN: /^\d{5}-[0-9A-Z]{3,4}-[A-Z0-9]{3}$|^08798-\d{4}$/,
      MC: /^[A-Z]{2,4}\d?-[0-9A-Z-]{2,12}$/,
      AC: /^[0-9A-Z-]{3,12}$/,
    };
    for (const p of parts) expect(p.partCode, p.partCode).toMatch(patterns[p.brandCode]);
    expect(parts.map((p) => p.partCode)).toContain("FL-500S");
  });

  it("builds supersession chains (at most 3 long) and symmetric alternatives", () => {
    const superseded = parts.filter((p) => p.supersededBy !== null);
    expect(superseded.length).toBeGreaterThan(50);
    for (const [i, p] of parts.entries()) {
      if (p.supersededBy === null) continue;
      expect(p.supersededBy).not.toBe(i);
      expect(p.onHand).toBe(0);
      expect(p.supersessionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      let length = 1;
      for (let at: number | null = i; at !== null; at = parts[at].supersededBy) length++;
      expect(length - 1).toBeLessThanOrEqual(3);
    }
    const withAlts = parts.filter((p) => p.alternatives.length > 0);
    expect(withAlts.length).toBeGreaterThan(50);
    for (const [i, p] of parts.entries())
      for (const j of p.alternatives) expect(parts[j].alternatives).toContain(i);
  });

  it("has zero and low stock, sales blocks, VIN-only parts and core charges", () => {
    expect(parts.filter((p) => p.onHand === 0).length).toBeGreaterThan(100);
    expect(parts.filter((p) => p.onHand > 0 && p.onHand <= 2).length).toBeGreaterThan(100);
    expect(parts.some((p) => p.salesBlockReason)).toBe(true);
    expect(parts.some((p) => p.requiresVin)).toBe(true);
    expect(parts.some((p) => p.surchargeCents > 0 && /Alternator|Starter|Battery/.test(p.description))).toBe(
      true,
    );
    expect(
      parts.every(
        (p) => p.listPriceCents % 10 === 9 || FEATURED_PARTS.some((f) => f.partCode === p.partCode),
      ),
    ).toBe(true);
  });

  it("keeps a 3-part featured chain FL-300S -> FL-400S -> FL-500S", () => {
    const at = (code: string) => parts.findIndex((p) => p.partCode === code);
    expect(parts[at("FL-300S")].supersededBy).toBe(at("FL-400S"));
    expect(parts[at("FL-400S")].supersededBy).toBe(at("FL-500S"));
    expect(parts[at("FL-500S")].supersededBy).toBeNull();
  });

  it("avoids codes already in use", () => {
    const first = generateCatalog({ seed: "s", count: 300 });
    const avoid = new Set(first.map((p) => `${p.brandCode}:${codeKey(p.partCode)}`));
    const second = generateCatalog({ seed: "s", count: 300, avoid });
    for (const p of second) expect(avoid.has(`${p.brandCode}:${codeKey(p.partCode)}`)).toBe(false);
  });
});
