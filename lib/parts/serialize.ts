import type { PartsOrder, PartsOrderLine, TimelineEntry, TradeCustomer } from "@/db/schema";
import { toDollars } from "@/lib/platform/money";
import type { PartRef, PartRow } from "./catalog-store";
import { availableOf } from "./catalog-store";
import { type Amount, type LinePrice, priceFrozenLine, taxOn } from "./pricing";

export const CURRENCY = "USD";

/** The source contract's price shape: decimal currency units, tax rate in percent. */
export function priceDto(netCents: number, taxRateBp: number) {
  const taxCents = taxOn(netCents, taxRateBp);
  return {
    netValue: toDollars(netCents),
    grossValue: toDollars(netCents + taxCents),
    taxValue: toDollars(taxCents),
    taxRate: taxRateBp / 100,
    currencyCode: CURRENCY,
  };
}

export const amountDto = (a: Amount) => ({
  netValue: toDollars(a.netCents),
  taxValue: toDollars(a.taxCents),
  grossValue: toDollars(a.grossCents),
  currencyCode: CURRENCY,
});

export function refDto(r: PartRef) {
  return { partId: r.id, partCode: r.partCode, brandCode: r.brandCode, description: r.description };
}
export type PartRefDto = ReturnType<typeof refDto>;

const surchargeDto = (p: Pick<PartRow, "surchargeType" | "surchargeCents" | "taxRateBp">) =>
  p.surchargeCents > 0
    ? { type: p.surchargeType ?? "CORE_CHARGE", ...priceDto(p.surchargeCents, p.taxRateBp) }
    : null;

/** A part in search results: catalog data, list price, stock at a glance, its replacement if superseded. */
export function serializePartSummary(p: PartRow, replacedBy: PartRef | null) {
  return {
    partId: p.id,
    partCode: p.partCode,
    brandCode: p.brandCode,
    description: p.description,
    category: p.category,
    weight: { value: p.weightGrams / 1000, unit: "KG" },
    unitOfSale: p.unitOfSale,
    listPrice: priceDto(p.listPriceCents, p.taxRateBp),
    surcharge: surchargeDto(p),
    availableStock: availableOf(p),
    salesBlocked: p.salesBlockReason !== null,
    mandatoryVehicleReferences: p.requiresVin ? ["VIN"] : [],
    superseded: p.supersededBySeq !== null,
    supersededBy: replacedBy ? { ...refDto(replacedBy), supersessionDate: p.supersessionDate } : null,
  };
}
export type PartSummaryDto = ReturnType<typeof serializePartSummary>;

export function stockDto(p: PartRow) {
  return {
    onHand: p.onHand,
    reserved: p.reserved,
    availableStock: availableOf(p),
    isAvailableForBackOrder: p.backOrderable,
    leadTimeInDays: p.leadTimeDays,
    salesBlocked: p.salesBlockReason !== null,
    salesBlockedDescription: p.salesBlockReason,
  };
}

/** GET /parts/:partId: the summary plus stock, the whole supersession chain and alternatives. */
export function serializePartDetail(
  p: PartRow,
  chain: { predecessors: PartRef[]; successors: PartRef[] },
  alternatives: PartRef[],
) {
  const latest = chain.successors.at(-1) ?? null;
  const alternativeParts = [];
  if (chain.successors.length > 0)
    alternativeParts.push({
      alternativeType: "SUPERSESSION" as const,
      supersessionDate: p.supersessionDate,
      parts: [refDto(chain.successors[0])],
    });
  if (alternatives.length > 0)
    alternativeParts.push({
      alternativeType: "ALTERNATIVE" as const,
      supersessionDate: null,
      parts: alternatives.map((a) => ({ ...refDto(a), availableStock: availableOf(a) })),
    });
  return {
    ...serializePartSummary(p, chain.successors[0] ?? null),
    stock: stockDto(p),
    alternativeParts,
    // Oldest number first, ending with the part to order today.
    supersessionChain: [
      ...[...chain.predecessors]
        .reverse()
        .map((r) => ({ ...refDto(r), supersessionDate: r.supersessionDate })),
      { ...refDto(p), supersessionDate: p.supersessionDate, current: true },
      ...chain.successors.map((r) => ({ ...refDto(r), supersessionDate: r.supersessionDate })),
    ],
    latestPart: latest ? refDto(latest) : null,
  };
}
export type PartDetailDto = ReturnType<typeof serializePartDetail>;

export function serializeCustomer(c: TradeCustomer) {
  return {
    customerId: c.id,
    accountNumber: c.accountNumber,
    companyName: c.companyName,
    contact: { name: c.contactName, phone: c.phone, email: c.email },
    address: { streetName: c.streetName, postalCode: c.postalCode, city: c.city, countryCode: c.countryCode },
    defaultDiscountPercent: c.defaultDiscountPercent,
    discounts: c.discounts,
    allowedOrderTypes: c.allowedOrderTypes,
    orderReferenceRequired: c.orderReferenceRequired,
    active: c.active,
  };
}
export type CustomerDto = ReturnType<typeof serializeCustomer>;

const briefRef = (r: PartRef) => ({ partId: r.id, partCode: r.partCode, brandCode: r.brandCode });

/**
 * One priced basket line of POST /parts/price-availability. Kept lean (a basket is up to 200
 * lines, priced again on every change): the caller already has each part's description, so
 * referenced parts carry only their ids and codes.
 */
export function serializePriceLine(
  p: PartRow,
  quantity: number,
  price: LinePrice,
  extra: {
    replacedBy: PartRef | null;
    suggestedReplacement: PartRef | null;
    alternatives: PartRef[];
    expectedDate: string | null;
  },
) {
  const available = availableOf(p);
  const fromStock = Math.min(available, quantity);
  const short = quantity - fromStock;
  return {
    partId: p.id,
    partCode: p.partCode,
    brandCode: p.brandCode,
    quantity,
    unitOfSale: p.unitOfSale,
    listPrice: priceDto(p.listPriceCents, p.taxRateBp),
    orderPrice: priceDto(price.order.netCents, p.taxRateBp),
    discountPercent: price.discountPercent,
    surcharge: surchargeDto(p),
    lineTotal: amountDto(price.total),
    availableStock: available,
    quantityFromStock: fromStock,
    backOrderQuantity: short,
    isBackOrder: short > 0,
    isAvailableForBackOrder: p.backOrderable,
    leadTimeInDays: p.leadTimeDays,
    expectedDeliveryDate: short > 0 && p.backOrderable ? extra.expectedDate : null,
    salesBlocked: p.salesBlockReason !== null,
    salesBlockedDescription: p.salesBlockReason,
    mandatoryVehicleReferences: p.requiresVin ? ["VIN"] : [],
    supersededBy: extra.replacedBy
      ? { ...briefRef(extra.replacedBy), supersessionDate: p.supersessionDate }
      : null,
    // The replacement to order (end of the chain), with its description for the basket to show.
    suggestedReplacement: extra.suggestedReplacement ? refDto(extra.suggestedReplacement) : null,
    alternativeParts: extra.alternatives.map((a) => ({ ...briefRef(a), availableStock: availableOf(a) })),
  };
}
export type PriceLineDto = ReturnType<typeof serializePriceLine>;

export interface LineView {
  line: PartsOrderLine;
  part: PartRef;
  requested: PartRef | null;
  suggestedAlternative: PartRef | null;
}

export function serializeOrderLine({ line, part, requested, suggestedAlternative }: LineView) {
  return {
    orderLineId: line.id,
    lineNumber: line.lineNumber,
    partId: part.id,
    partCode: part.partCode,
    brandCode: part.brandCode,
    description: part.description,
    requestedPartId: requested?.id ?? null,
    requestedPartCode: requested?.partCode ?? null,
    quantity: line.quantity,
    partsOrderLineStatus: line.status,
    listPrice: priceDto(line.listPriceCents, line.taxRateBp),
    orderPrice: priceDto(line.orderPriceCents, line.taxRateBp),
    surcharge:
      line.surchargeCents > 0
        ? { type: "CORE_CHARGE", ...priceDto(line.surchargeCents, line.taxRateBp) }
        : null,
    lineTotal: amountDto(priceFrozenLine(line, line.quantity)),
    expectedDeliveryDate:
      line.status === "BACKORDER" && line.expectedAt ? line.expectedAt.toISOString() : null,
    mandatoryVehicleReferences: line.vehicleReferences,
    replacesOrderLineId: line.replacesLineId,
    suggestedAlternative:
      line.status === "BACKORDER" && suggestedAlternative
        ? { ...refDto(suggestedAlternative), availableStock: availableOf(suggestedAlternative) }
        : null,
    updatedAt: line.updatedAt.toISOString(),
  };
}
export type OrderLineDto = ReturnType<typeof serializeOrderLine>;

export function serializeHistory(entries: TimelineEntry[]) {
  return entries.map((e) => ({
    at: e.at.toISOString(),
    status: e.toStatus,
    from: e.fromStatus,
    note: e.note,
    by: e.actorLabel,
    orderLineId: (e.data?.orderLineId as string | undefined) ?? null,
  }));
}

/** The parts order as integrators see it (webhook `data` too). */
export function serializeOrder(
  o: PartsOrder,
  customer: Pick<TradeCustomer, "accountNumber" | "companyName">,
  lines: LineView[],
  history: TimelineEntry[] | null,
) {
  const live = lines.filter((l) => l.line.status !== "CANCELLED");
  const totals = live.reduce(
    (s, l) => {
      const t = priceFrozenLine(l.line, l.line.quantity);
      return {
        netCents: s.netCents + t.netCents,
        taxCents: s.taxCents + t.taxCents,
        grossCents: s.grossCents + t.grossCents,
      };
    },
    { netCents: 0, taxCents: 0, grossCents: 0 },
  );
  return {
    partsOrderId: o.id,
    partsOrderDateTime: o.createdAt.toISOString(),
    orderStatus: o.orderStatus,
    orderType: o.orderType,
    orderReference: o.orderReference,
    customerId: o.customerId,
    accountNumber: customer.accountNumber,
    companyName: customer.companyName,
    orderContact: o.contact,
    alternateDeliveryAddress: o.deliveryAddress,
    lines: lines.map(serializeOrderLine),
    totals: amountDto(totals),
    updatedAt: o.updatedAt.toISOString(),
    ...(history ? { history: serializeHistory(history) } : {}),
  };
}
export type PartsOrderDto = ReturnType<typeof serializeOrder>;
