import type { CartItem, CartVehicle, CheckoutCart, Oem, OrderAmounts, PlacedOrder } from "@/db/schema";
import { toDollars } from "@/lib/platform/money";
import { currentOrigin } from "@/lib/platform/origin";
import { funnelStatus } from "./funnel";
import { priceCart } from "./pricing";

/** The API speaks the contract's unit: dollars (items arrive as `{ name, price: 123 }`). */

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const checkoutUrlFor = (token: string, origin = currentOrigin()) => `${origin}/checkout/${token}`;

function vehicleDto(v: CartVehicle) {
  return {
    variantConfigId: v.variantConfigId,
    productId: v.productId,
    name: v.name,
    modelYear: v.modelYear,
    brandKey: v.brandKey,
    basePrice: toDollars(v.basePriceCents),
    accessories: v.accessories.map((a) => ({ name: a.name, price: toDollars(a.priceCents) })),
    price: toDollars(v.basePriceCents + v.accessories.reduce((s, a) => s + a.priceCents, 0)),
    metadata: v.metadata,
  };
}

/**
 * itemId -> [{ name, price }] as posted. Item ids are the OEM's own keys, and "constructor" or
 * "toString" are valid ones: only own properties count, never what Object.prototype has.
 */
function itemsDto(items: CartItem[]) {
  const out: Record<string, { name: string; price: number }[]> = {};
  for (const i of items) {
    if (!Object.hasOwn(out, i.itemId)) out[i.itemId] = [];
    out[i.itemId].push({ name: i.name, price: toDollars(i.priceCents) });
  }
  return out;
}

function amountsDto(a: OrderAmounts) {
  return {
    vehicles: toDollars(a.vehiclesCents),
    accessories: toDollars(a.accessoriesCents),
    items: toDollars(a.itemsCents),
    fees: toDollars(a.feesCents),
    discount: toDollars(a.discountCents),
    total: toDollars(a.totalCents),
    paidAtCheckout: toDollars(a.dueNowCents),
    balance: toDollars(a.balanceCents),
  };
}

export function serializeCart(
  cart: CheckoutCart,
  oem: Pick<Oem, "id" | "oemKey">,
  dealer: { id: string; name: string },
  now: number,
  origin = currentOrigin(),
) {
  const prices = priceCart({ vehicles: cart.vehicles, items: cart.items });
  return {
    object: "checkout_cart" as const,
    id: cart.id,
    checkoutUrl: checkoutUrlFor(cart.token, origin),
    status: funnelStatus(cart, now),
    oemKey: oem.oemKey,
    oemId: oem.id,
    brandKey: cart.brandKey,
    registrationState: cart.registrationState,
    linkUseType: cart.linkUseType,
    orderCreationType: cart.orderCreationType,
    source: cart.source,
    ecommUserId: cart.ecommUserId,
    ecommOrderId: cart.ecommOrderId,
    preorderId: cart.preorderId,
    cancelUrl: cart.cancelUrl,
    nativeDefaultCheckoutUrl: cart.nativeDefaultCheckoutUrl,
    variants: cart.vehicles.map(vehicleDto),
    items: itemsDto(cart.items),
    customLinkConfig: cart.customLinkConfig ?? null,
    placedOrderMetadata: cart.placedOrderMetadata ?? null,
    fulfillingDealer: dealer,
    totals: {
      vehicles: toDollars(prices.vehiclesCents),
      accessories: toDollars(prices.accessoriesCents),
      items: toDollars(prices.itemsCents),
      fees: toDollars(prices.feesCents),
      total: toDollars(prices.totalCents),
    },
    revision: cart.revision,
    createdAt: iso(cart.createdAt),
    openedAt: iso(cart.openedAt),
    lastActivityAt: iso(cart.lastActivityAt),
    placedAt: iso(cart.placedAt),
    /** Set when the OEM withdrew the cart (re-posted its id as a cart not hosted here): its link no longer sells. */
    deactivatedAt: iso(cart.deactivatedAt),
    updatedAt: iso(cart.updatedAt),
  };
}
export type CartDto = ReturnType<typeof serializeCart>;

export function serializePlacedOrder(
  o: PlacedOrder,
  oem: Pick<Oem, "id" | "oemKey">,
  dealer: { id: string; name: string },
) {
  return {
    object: "placed_order" as const,
    id: o.id,
    checkoutCartId: o.cartId,
    oemKey: oem.oemKey,
    oemId: oem.id,
    fulfillingDealer: dealer,
    typeOfOrder: o.typeOfOrder,
    orderCreationType: o.orderCreationType,
    source: o.source,
    ecommUserId: o.ecommUserId,
    ecommOrderId: o.ecommOrderId,
    placedOrderMetadata: o.metadata ?? null,
    paymentOption: o.paymentOption,
    paymentStatus: o.paymentStatus,
    fulfillmentStatus: o.fulfillmentStatus,
    buyer: o.buyer,
    delivery: o.delivery,
    registration: o.registration,
    vehicles: o.vehicles.map(vehicleDto),
    items: itemsDto(o.items),
    amounts: amountsDto(o.amounts),
    card: { brand: o.cardBrand, last4: o.cardLast4 },
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
  };
}
export type PlacedOrderDto = ReturnType<typeof serializePlacedOrder>;
