import "server-only";
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { insertRow, selectRows } from "@/db/raw";
import {
  type CartItem,
  type CartVehicle,
  type CheckoutCart,
  checkoutCarts,
  type FulfillmentStatus,
  type Oem,
  oems,
  type PaymentStatus,
  type PlacedOrder,
  placedOrders,
} from "@/db/schema";
import { type Actor, dealerOf, requireScope } from "@/lib/platform/actor";
import { nowMs } from "@/lib/platform/clock";
import { conflict, invalid, notFound } from "@/lib/platform/errors";
import { recordChange } from "@/lib/platform/events";
import { dealerRef } from "@/lib/platform/identity/dealers";
import { newId, newPublicToken } from "@/lib/platform/ids";
import { toCents } from "@/lib/platform/money";
import { protoKeyPath } from "@/lib/platform/unsafe-keys";
import { parseInput } from "@/lib/platform/validation";
import { assertCartVisible, assertVisible, checkoutScope, oemOf } from "./access";
import { canFulfill, canPay, nextFulfillment, nextPayment } from "./lifecycle";
import { type OemCatalog, oemCatalog } from "./oem-catalog";
import { routeCart } from "./routing";
import { type CreateCartInput, createCartSchema, patchPlacedOrderSchema } from "./schema";
import { checkoutUrlFor, serializeCart, serializePlacedOrder } from "./serialize";
import { resolveVariantConfig } from "./variant-config";

const IMMEDIATE = { behavior: "immediate" } as const;

function resolveVehicles(catalog: OemCatalog, data: CreateCartInput): CartVehicle[] {
  const byId = catalog.productsById;
  return data.variants.map((v, i) => {
    const resolved = resolveVariantConfig(v.variantConfigId, byId);
    if (!resolved.ok) throw invalid(`variants.${i}.variantConfigId`, resolved.reason, "variant_unknown");
    const p = resolved.product;
    if (data.brandKey && p.brandKey && p.brandKey !== data.brandKey) {
      throw invalid(
        "brandKey",
        `${p.productId} is a ${p.brandKey} vehicle, not ${data.brandKey}.`,
        "brand_mismatch",
      );
    }
    return {
      variantConfigId: v.variantConfigId,
      productId: p.productId,
      name: p.name,
      modelYear: p.modelYear,
      brandKey: p.brandKey,
      basePriceCents: p.basePriceCents,
      accessories: resolved.accessories.map((a) => ({ name: a.name, priceCents: a.priceCents })),
      metadata: v.metadata ?? null,
    };
  });
}

const itemsOf = (items: CreateCartInput["items"]): CartItem[] =>
  Object.entries(items).flatMap(([itemId, lines]) =>
    lines.map((l) => ({ itemId, name: l.name, priceCents: toCents(l.price) })),
  );

function catalogForKey(db: DbOrTx, actor: Actor, data: CreateCartInput): OemCatalog {
  const catalog = oemCatalog(db, oemOf(actor));
  if (!catalog) throw notFound("OEM");
  const { oem } = catalog;
  if (data.oemKey !== oem.oemKey)
    throw invalid(
      "oemKey",
      `This API key belongs to the OEM "${oem.oemKey}", not "${data.oemKey}".`,
      "oem_mismatch",
    );
  if (data.oemId && data.oemId !== oem.id)
    throw invalid("oemId", `oemId ${data.oemId} is not the id of the OEM "${oem.oemKey}".`, "oem_mismatch");
  if (data.brandKey && !catalog.brands.has(data.brandKey))
    throw invalid("brandKey", `${oem.name} has no brand "${data.brandKey}".`, "brand_unknown");
  return catalog;
}

/** Where a cart's events go: its dealer's endpoints and the OEM's own (the OEM posted the cart). */
export const toOem = (oemId: string) => ({ alsoDeliverTo: [oemId] });

/**
 * POST /checkoutCart_oncreate_v2 (and /api/v1/checkout-carts): validates the cart, decides where
 * the buyer checks out, and stores the cart when it is ours to host. With `id`/`ekhoCheckoutCartId`
 * the cart with that id is created or overwritten (its link stays the same); overwritten with a
 * cart we do not host, the old cart is withdrawn so its link stops selling.
 */
export function createCheckoutCart(db: Db, actor: Actor, input: unknown) {
  requireScope(actor, "checkout_carts.write");
  oemOf(actor);
  const proto = protoKeyPath(input);
  if (proto) throw invalid(proto, "A key named __proto__ is not accepted.");
  const data = parseInput(createCartSchema, input);
  const catalog = catalogForKey(db, actor, data);
  const { oem, dealers } = catalog;
  const vehicles = resolveVehicles(catalog, data);
  const pickUp = data.customLinkConfig?.prefilledInfo?.pickUpLocation;
  if (pickUp && !dealers.some((d) => d.slug === pickUp))
    throw invalid(
      "customLinkConfig.prefilledInfo.pickUpLocation",
      `"${pickUp}" is not one of ${oem.name}'s dealers (${dealers.map((d) => d.slug).join(", ") || "none yet"}).`,
    );
  const route = routeCart({
    vehicleCount: vehicles.length,
    registrationState: data.registrationState,
    hostedStates: catalog.hostedStates,
    dealers,
  });
  const givenId = data.id ?? data.ekhoCheckoutCartId;
  if (route.kind === "native") {
    const native = {
      checkoutUrl: data.nativeDefaultCheckoutUrl,
      checkoutCartId: null,
      message: route.message,
    };
    if (!givenId) return native;
    const withdrawn = withdrawCart(db, actor, oem, givenId, route.message);
    return withdrawn ? { ...native, message: `${route.message} ${withdrawn}` } : native;
  }

  const dealer = route.dealer;
  const cartId = givenId ?? newId("cart");
  const content = {
    oemId: oem.id,
    dealerId: dealer.dealerId,
    linkUseType: data.linkUseType,
    orderCreationType: data.orderCreationType,
    source: data.source ?? null,
    registrationState: data.registrationState ?? null,
    brandKey: data.brandKey ?? null,
    ecommUserId: data.ecommUserId ?? null,
    ecommOrderId: data.ecommOrderId ?? null,
    preorderId: data.preorderId ?? null,
    cancelUrl: data.cancelUrl,
    nativeDefaultCheckoutUrl: data.nativeDefaultCheckoutUrl,
    vehicles,
    items: itemsOf(data.items),
    customLinkConfig: data.customLinkConfig ?? null,
    placedOrderMetadata: data.placedOrderMetadata ?? null,
    deactivatedAt: null,
  };
  return db.transaction((tx) => {
    const now = new Date(nowMs());
    // A generated id is new by construction; only an OEM-chosen id can name an existing cart.
    const [existing] = givenId ? selectRows(tx, checkoutCarts, "where id = ?", cartId) : [];
    let cart: CheckoutCart;
    if (existing) {
      // Another OEM's cart does not exist as far as this key can tell.
      if (existing.oemId !== oem.id) throw notFound("checkout cart");
      if (existing.status === "placed")
        throw conflict(
          "An order was already placed from this cart; post a new cart instead.",
          "cart_already_placed",
          data.id ? "id" : "ekhoCheckoutCartId",
        );
      cart = tx
        .update(checkoutCarts)
        .set({ ...content, revision: existing.revision + 1, updatedAt: now })
        .where(eq(checkoutCarts.id, cartId))
        .returning()
        .get();
    } else {
      cart = {
        ...content,
        id: cartId,
        token: newPublicToken(),
        status: "created",
        revision: 1,
        openedAt: null,
        lastActivityAt: null,
        placedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      insertRow(tx, checkoutCarts, cart);
    }
    const dto = serializeCart(cart, oem, { id: dealer.dealerId, name: dealer.name }, now.getTime());
    const revived = existing?.deactivatedAt ? "; its link works again" : "";
    recordChange(tx, {
      dealerId: dealer.dealerId,
      actor,
      subject: { type: "checkout_cart", id: cart.id },
      to: existing ? null : "created",
      note: existing
        ? `Cart overwritten by ${oem.name} (revision ${cart.revision})${revived}`
        : `Cart posted by ${oem.name}${cart.source ? ` (source: ${cart.source})` : ""}`,
      event: {
        name: existing ? "checkout_cart.updated" : "checkout_cart.created",
        type: "checkout_cart",
        data: dto,
        ...toOem(oem.id),
      },
    });
    return { checkoutUrl: checkoutUrlFor(cart.token), checkoutCartId: cart.id, message: route.message };
  }, IMMEDIATE);
}

/**
 * The OEM re-posted a cart's id with a cart we do not host: the old cart must stop selling, so
 * its link says it is no longer available (timeline + `checkout_cart.deactivated`). Returns the
 * sentence to add to the answer, or null when there was no live cart under that id.
 */
function withdrawCart(db: Db, actor: Actor, oem: Oem, cartId: string, reason: string): string | null {
  return db.transaction((tx) => {
    const [existing] = selectRows(tx, checkoutCarts, "where id = ?", cartId);
    // Another OEM's cart under this id is not this OEM's to withdraw, and saying so would tell it
    // the id exists: answer as if there were none.
    if (!existing || existing.oemId !== oem.id || existing.deactivatedAt) return null;
    const now = new Date(nowMs());
    const cart = tx
      .update(checkoutCarts)
      .set({ deactivatedAt: now, updatedAt: now })
      .where(eq(checkoutCarts.id, cartId))
      .returning()
      .get();
    recordChange(tx, {
      dealerId: cart.dealerId,
      actor,
      subject: { type: "checkout_cart", id: cart.id },
      note: `Withdrawn by ${oem.name}: re-posted as a cart that is not checked out here. ${reason}`,
      event: {
        name: "checkout_cart.deactivated",
        type: "checkout_cart",
        data: serializeCart(cart, oem, dealerRef(tx, cart.dealerId), now.getTime()),
        ...toOem(oem.id),
      },
    });
    return `The cart ${cart.id} posted earlier under this id is no longer available.`;
  }, IMMEDIATE);
}

function oemRow(db: DbOrTx, oemId: string): Oem {
  const [oem] = selectRows(db, oems, "where id = ?", oemId);
  if (!oem) throw notFound("OEM");
  return oem;
}

/** GET /api/v1/checkout-carts/:id */
export function getCheckoutCart(db: Db, actor: Actor, id: string) {
  requireScope(actor, "checkout_carts.read");
  const [row] = selectRows(db, checkoutCarts, "where id = ?", id);
  const cart = assertCartVisible(db, checkoutScope(actor), row);
  return serializeCart(cart, oemRow(db, cart.oemId), dealerRef(db, cart.dealerId), nowMs());
}

function loadPlacedOrder(db: DbOrTx, actor: Actor, id: string): PlacedOrder {
  const [row] = selectRows(db, placedOrders, "where id = ?", id);
  return assertVisible(checkoutScope(actor), row, "placed order");
}

export function placedOrderDto(db: DbOrTx, order: PlacedOrder) {
  return serializePlacedOrder(order, oemRow(db, order.oemId), dealerRef(db, order.dealerId));
}

/** GET /api/v1/placed-orders/:id */
export function getPlacedOrder(db: Db, actor: Actor, id: string) {
  requireScope(actor, "placed_orders.read");
  return placedOrderDto(db, loadPlacedOrder(db, actor, id));
}

/**
 * PATCH /api/v1/placed-orders/:id and the order page's buttons: the fulfilling dealer's staff move
 * the fulfillment and payment statuses along their lifecycles; anything else is a 409.
 */
export function updatePlacedOrder(db: Db, actor: Actor, id: string, input: unknown) {
  requireScope(actor, "placed_orders.write");
  const dealerId = dealerOf(actor);
  const data = parseInput(patchPlacedOrderSchema, input);
  return db.transaction((tx) => {
    const [order] = selectRows(tx, placedOrders, "where id = ? and dealer_id = ?", id, dealerId);
    if (!order) throw notFound("placed order");
    const changes: { fulfillmentStatus?: FulfillmentStatus; paymentStatus?: PaymentStatus } = {};
    const said: string[] = [];
    if (data.fulfillmentStatus && data.fulfillmentStatus !== order.fulfillmentStatus) {
      if (!canFulfill(order.fulfillmentStatus, data.fulfillmentStatus, order.delivery.method)) {
        const next = nextFulfillment(order.fulfillmentStatus, order.delivery.method);
        throw conflict(
          `A ${order.fulfillmentStatus} order cannot become ${data.fulfillmentStatus}${next.length ? ` (next: ${next.join(", ")})` : ""}.`,
          "invalid_transition",
          "fulfillmentStatus",
        );
      }
      changes.fulfillmentStatus = data.fulfillmentStatus;
      said.push(`fulfillment ${order.fulfillmentStatus} → ${data.fulfillmentStatus}`);
    }
    if (data.paymentStatus && data.paymentStatus !== order.paymentStatus) {
      if (!canPay(order.paymentStatus, data.paymentStatus)) {
        const next = nextPayment(order.paymentStatus);
        throw conflict(
          `Payment status ${order.paymentStatus} cannot become ${data.paymentStatus}${next.length ? ` (next: ${next.join(", ")})` : ""}.`,
          "invalid_transition",
          "paymentStatus",
        );
      }
      changes.paymentStatus = data.paymentStatus;
      said.push(`payment ${order.paymentStatus} → ${data.paymentStatus}`);
    }
    if (said.length === 0) return placedOrderDto(tx, order);
    const updated = tx
      .update(placedOrders)
      .set({ ...changes, updatedAt: new Date(nowMs()) })
      .where(eq(placedOrders.id, order.id))
      .returning()
      .get();
    const dto = placedOrderDto(tx, updated);
    recordChange(tx, {
      dealerId,
      actor,
      subject: { type: "placed_order", id: order.id },
      from: changes.fulfillmentStatus ? order.fulfillmentStatus : order.paymentStatus,
      to: changes.fulfillmentStatus ?? changes.paymentStatus,
      note: [said.join("; "), data.note].filter(Boolean).join(". "),
      event: { name: "placed_order.updated", type: "placed_order", data: dto, ...toOem(order.oemId) },
    });
    return dto;
  }, IMMEDIATE);
}
