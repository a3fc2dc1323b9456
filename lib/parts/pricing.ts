import type { AccountDiscount } from "@/db/schema/parts";

/** What pricing needs to know about a part (cents and basis points, as stored). */
export interface PricedPart {
  brandCode: string;
  category: string;
  listPriceCents: number;
  taxRateBp: number;
  surchargeCents: number;
}

/** What pricing needs to know about the customer's account. */
export interface PricingAccount {
  defaultDiscountPercent: number;
  discounts: readonly AccountDiscount[];
}

export interface Amount {
  netCents: number;
  taxCents: number;
  grossCents: number;
}

export interface LinePrice {
  /** Percent off list that applied (0 when none). */
  discountPercent: number;
  /** Per unit of sale. */
  list: Amount;
  order: Amount;
  /** Per unit; null when the part carries no surcharge. A surcharge is never discounted. */
  surcharge: Amount | null;
  /** (order + surcharge) × quantity. */
  total: Amount;
}

const clampPercent = (p: number) => Math.min(100, Math.max(0, p));

/**
 * The account's discount for a part: the most specific rule wins — brand and category, then
 * category alone, then brand alone, then the account's default. Rules at the same level: the
 * larger discount.
 */
export function discountFor(
  account: PricingAccount,
  part: Pick<PricedPart, "brandCode" | "category">,
): number {
  const levels: ((d: AccountDiscount) => boolean)[] = [
    (d) => d.brandCode === part.brandCode && d.category === part.category,
    (d) => d.brandCode === undefined && d.category === part.category,
    (d) => d.brandCode === part.brandCode && d.category === undefined,
  ];
  for (const matches of levels) {
    const hits = account.discounts.filter(matches);
    if (hits.length) return clampPercent(Math.max(...hits.map((d) => d.percent)));
  }
  return clampPercent(account.defaultDiscountPercent);
}

/** Tax on a net amount, rounded half up to the cent. */
export function taxOn(netCents: number, taxRateBp: number): number {
  return Math.round((netCents * taxRateBp) / 10_000);
}

function amount(netCents: number, taxRateBp: number): Amount {
  const taxCents = taxOn(netCents, taxRateBp);
  return { netCents, taxCents, grossCents: netCents + taxCents };
}

const times = (a: Amount, n: number): Amount => ({
  netCents: a.netCents * n,
  taxCents: a.taxCents * n,
  grossCents: a.grossCents * n,
});

export const sumAmounts = (amounts: readonly Amount[]): Amount =>
  amounts.reduce(
    (s, a) => ({
      netCents: s.netCents + a.netCents,
      taxCents: s.taxCents + a.taxCents,
      grossCents: s.grossCents + a.grossCents,
    }),
    { netCents: 0, taxCents: 0, grossCents: 0 },
  );

/**
 * Prices one line. Unit prices are rounded to the cent first (as on an invoice line), then
 * multiplied by the quantity, so a line total always equals unit price × quantity. The surcharge
 * (a core charge, refunded when the old unit comes back) is taxed like the part but not discounted.
 */
export function priceLine(part: PricedPart, account: PricingAccount, quantity: number): LinePrice {
  const discountPercent = discountFor(account, part);
  const orderNet = Math.round((part.listPriceCents * (100 - discountPercent)) / 100);
  const list = amount(part.listPriceCents, part.taxRateBp);
  const order = amount(orderNet, part.taxRateBp);
  const surcharge = part.surchargeCents > 0 ? amount(part.surchargeCents, part.taxRateBp) : null;
  const unit = surcharge ? sumAmounts([order, surcharge]) : order;
  return { discountPercent, list, order, surcharge, total: times(unit, quantity) };
}

/** Prices a line from the unit prices frozen on an order line. */
export function priceFrozenLine(
  line: { orderPriceCents: number; surchargeCents: number; taxRateBp: number },
  quantity: number,
): Amount {
  const order = amount(line.orderPriceCents, line.taxRateBp);
  const unit =
    line.surchargeCents > 0 ? sumAmounts([order, amount(line.surchargeCents, line.taxRateBp)]) : order;
  return times(unit, quantity);
}
