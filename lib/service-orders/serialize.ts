import type { LineItem, Quote, SearchCandidate, ServiceOrder, TimelineEntry } from "@/db/schema";
import { nowMs } from "@/lib/platform/clock";
import { toDollars } from "@/lib/platform/money";
import { currentOrigin } from "@/lib/platform/origin";
import { quoteEstimate, quoteStatus } from "./quote-state";

const itemDto = (i: LineItem) => ({
  service: i.service,
  name: i.name,
  description: i.description,
  price: toDollars(i.priceCents),
  quantity: i.quantity,
});

/** `now` decides whether an unpaid quote has expired and what "if paid now" means (see quote-state.ts). */
export function serializeQuote(q: Quote, origin = currentOrigin(), now = nowMs()) {
  return {
    id: q.id,
    deal: q.dealId,
    type: q.type,
    services: q.services,
    status: quoteStatus(q, now),
    estimatedTime: quoteEstimate(q, now)?.toISOString() ?? null,
    checkoutLink: `${origin}/pay/${q.payToken}`,
    paid: q.status === "paid",
    total: toDollars(q.totalCents),
    items: q.items.map(itemDto),
    vin: q.vin,
    stock: q.stock,
    vehicle: q.vehicle
      ? {
          ...q.vehicle,
          priceCents: undefined,
          price: q.vehicle.priceCents !== undefined ? toDollars(q.vehicle.priceCents) : undefined,
        }
      : null,
    search: q.criteria ?? null,
    deliveryAddress: q.deliveryAddress ?? null,
    contact: q.contact ?? null,
    order: q.orderId,
    createdAt: q.createdAt.toISOString(),
    expiresAt: q.expiresAt.toISOString(),
    canceledAt: q.canceledAt?.toISOString() ?? null,
    cancelReason: q.cancelReason ?? null,
  };
}
export type QuoteDto = ReturnType<typeof serializeQuote>;

export function serializeHistory(entries: TimelineEntry[]) {
  return entries
    .filter((e) => e.toStatus !== null || e.note !== null)
    .map((e) => ({
      at: e.at.toISOString(),
      status: e.toStatus,
      from: e.fromStatus,
      note: e.note,
      by: e.actorLabel,
      estimatedTime: (e.data?.estimatedTime as string | undefined) ?? null,
    }));
}

export function serializeOrder(o: ServiceOrder, history: TimelineEntry[] | null, origin = currentOrigin()) {
  return {
    id: o.id,
    deal: o.dealId,
    quote: o.quoteId,
    type: o.type,
    services: o.services,
    status: o.status,
    statusReason: o.statusReason,
    estimatedTime: o.estimatedAt.toISOString(),
    /** The estimate first promised; delays move estimatedTime only. */
    originalEstimatedTime: (o.originalEstimatedAt ?? o.estimatedAt).toISOString(),
    receiptLink: `${origin}/receipt/${o.receiptToken}`,
    // Every order is paid when it is created; a canceled order's payment is then refunded.
    paid: o.paymentId !== null && o.refundedAt === null,
    refunded: o.refundedAt !== null,
    refundedAt: o.refundedAt?.toISOString() ?? null,
    paymentMethod: o.paymentMethod,
    total: toDollars(o.totalCents),
    items: o.items.map(itemDto),
    vin: o.vin,
    stock: o.stock,
    vehicle: o.vehicle ?? null,
    search: o.criteria ?? null,
    deliveryAddress: o.deliveryAddress ?? null,
    contact: o.contact ?? null,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    completedAt: o.completedAt?.toISOString() ?? null,
    canceledAt: o.canceledAt?.toISOString() ?? null,
    ...(history ? { history: serializeHistory(history) } : {}),
  };
}
export type OrderDto = ReturnType<typeof serializeOrder>;

export function serializeCandidate(c: SearchCandidate) {
  return {
    id: c.id,
    order: c.orderId,
    vin: c.vin,
    year: c.year,
    make: c.make,
    model: c.model,
    trim: c.trim,
    mileage: c.mileage,
    price: toDollars(c.priceCents),
    location: c.location,
    notes: c.notes,
    quote: c.quoteId,
    createdAt: c.createdAt.toISOString(),
  };
}
export type CandidateDto = ReturnType<typeof serializeCandidate>;
