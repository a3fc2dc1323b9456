import { describe, expect, it } from "vitest";
import { discountFor, priceFrozenLine, priceLine, sumAmounts, taxOn } from "./pricing";

const filter = {
  brandCode: "MC",
  category: "Filters",
  listPriceCents: 1_299,
  taxRateBp: 530,
  surchargeCents: 0,
};
const alternator = {
  brandCode: "MC",
  category: "Electrical",
  listPriceCents: 24_999,
  taxRateBp: 530,
  surchargeCents: 7_500,
};
const noDiscount = { defaultDiscountPercent: 0, discounts: [] };

describe("discountFor", () => {
  const account = {
    defaultDiscountPercent: 5,
    discounts: [
      { brandCode: "MC", percent: 10 },
      { category: "Filters", percent: 15 },
      { brandCode: "MC", category: "Brakes", percent: 25 },
      { brandCode: "TY", percent: 8 },
      { brandCode: "TY", percent: 12 },
    ],
  };
  it("prefers brand+category, then category, then brand, then the default", () => {
    expect(discountFor(account, { brandCode: "MC", category: "Brakes" })).toBe(25);
    expect(discountFor(account, { brandCode: "MC", category: "Filters" })).toBe(15);
    expect(discountFor(account, { brandCode: "MC", category: "Wipers" })).toBe(10);
    expect(discountFor(account, { brandCode: "HN", category: "Wipers" })).toBe(5);
  });
  it("takes the larger of two rules at the same level and clamps to 0–100", () => {
    expect(discountFor(account, { brandCode: "TY", category: "Wipers" })).toBe(12);
    expect(discountFor({ defaultDiscountPercent: 140, discounts: [] }, filter)).toBe(100);
    expect(discountFor({ defaultDiscountPercent: -3, discounts: [] }, filter)).toBe(0);
  });
});

describe("priceLine", () => {
  it("lists, discounts and taxes per unit, then multiplies", () => {
    const p = priceLine(
      filter,
      { defaultDiscountPercent: 0, discounts: [{ category: "Filters", percent: 15 }] },
      3,
    );
    expect(p.discountPercent).toBe(15);
    expect(p.list).toEqual({ netCents: 1_299, taxCents: 69, grossCents: 1_368 });
    // 12.99 × 0.85 = 11.0415 -> 11.04; tax 5.3% of 11.04 = 0.585 -> 0.59
    expect(p.order).toEqual({ netCents: 1_104, taxCents: 59, grossCents: 1_163 });
    expect(p.surcharge).toBeNull();
    expect(p.total).toEqual({ netCents: 3_312, taxCents: 177, grossCents: 3_489 });
  });

  it("adds the core charge undiscounted and taxed", () => {
    const p = priceLine(alternator, { defaultDiscountPercent: 20, discounts: [] }, 2);
    expect(p.order.netCents).toBe(19_999); // 249.99 × 0.8 = 199.992
    expect(p.surcharge).toEqual({ netCents: 7_500, taxCents: 398, grossCents: 7_898 });
    expect(p.total.netCents).toBe((19_999 + 7_500) * 2);
    expect(p.total.taxCents).toBe((taxOn(19_999, 530) + 398) * 2);
    expect(p.total.grossCents).toBe(p.total.netCents + p.total.taxCents);
  });

  it("charges list price without an account discount", () => {
    const p = priceLine(filter, noDiscount, 1);
    expect(p.order).toEqual(p.list);
  });

  it("rounds tax half up and handles zero rates", () => {
    expect(taxOn(50, 1_000)).toBe(5);
    expect(taxOn(5, 1_000)).toBe(1); // 0.5 -> 1
    expect(taxOn(1_000, 0)).toBe(0);
  });

  it("prices frozen order lines the same way as live pricing", () => {
    const live = priceLine(alternator, { defaultDiscountPercent: 20, discounts: [] }, 4);
    expect(
      priceFrozenLine({ orderPriceCents: live.order.netCents, surchargeCents: 7_500, taxRateBp: 530 }, 4),
    ).toEqual(live.total);
    expect(sumAmounts([live.total, live.total]).grossCents).toBe(live.total.grossCents * 2);
  });
});
