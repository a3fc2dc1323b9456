import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, lte, type SQL, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { selectRows } from "@/db/raw";
import {
  checkoutCarts,
  dealers,
  type FulfillmentStatus,
  oemBrands,
  oemCheckoutStates,
  oemDealers,
  oems,
  type PaymentStatus,
  placedOrders,
  productAccessories,
  products,
  timelineEntries,
} from "@/db/schema";
import { type Actor, requireRole, requireScope } from "@/lib/platform/actor";
import { nowMs } from "@/lib/platform/clock";
import { notFound } from "@/lib/platform/errors";
import { toDollars } from "@/lib/platform/money";
import { afterCursor, page } from "@/lib/platform/pagination";
import { parseInput } from "@/lib/platform/validation";
import { assertCartVisible, assertVisible, type CheckoutScope, canSee, checkoutScope, oemOf } from "./access";
import { ABANDON_AFTER_MS } from "./funnel";
import { nextFulfillment, nextPayment } from "./lifecycle";
import { cartFiltersSchema, placedOrderFiltersSchema } from "./schema";
import { serializeCart, serializePlacedOrder } from "./serialize";
import { allConfigurations } from "./variant-config";

/** GET /api/v1/products: the key's OEM products, each with every configuration's variantConfigId. */
export function listProducts(db: Db, actor: Actor) {
  requireScope(actor, "products.read");
  return {
    data: productsWithAccessories(db, oemOf(actor)).map((p) => ({
      productId: p.productId,
      name: p.name,
      modelYear: p.modelYear,
      brandKey: p.brandKey,
      basePrice: toDollars(p.basePriceCents),
      accessories: p.accessories.map((a) => ({
        name: a.name,
        variantKey: a.variantKey,
        price: toDollars(a.priceCents),
      })),
      variantConfigs: allConfigurations(p.productId, p.accessories).map((c) => ({
        variantConfigId: c.variantConfigId,
        accessories: c.accessories.map((a) => a.name),
        price: toDollars(p.basePriceCents + c.accessories.reduce((s, a) => s + a.priceCents, 0)),
      })),
    })),
  };
}

/** An OEM's products by productId, each with its accessories by name (two queries). */
export function productsWithAccessories(db: DbOrTx, oemId: string) {
  const rows = db
    .select()
    .from(products)
    .where(eq(products.oemId, oemId))
    .orderBy(asc(products.productId))
    .all();
  const accessories = rows.length
    ? db
        .select()
        .from(productAccessories)
        .where(
          inArray(
            productAccessories.productRowId,
            rows.map((p) => p.id),
          ),
        )
        .orderBy(asc(productAccessories.name))
        .all()
    : [];
  return rows.map((p) => ({ ...p, accessories: accessories.filter((a) => a.productRowId === p.id) }));
}

const scopeFilter = (
  scope: CheckoutScope,
  oemCol: typeof checkoutCarts.oemId,
  dealerCol: typeof checkoutCarts.dealerId,
) =>
  "all" in scope ? undefined : "oemId" in scope ? eq(oemCol, scope.oemId) : eq(dealerCol, scope.dealerId);

/** The OEMs whose carts this actor can see (for the filter). */
export function listOemsFor(db: Db, actor: Actor) {
  const scope = checkoutScope(actor);
  if ("all" in scope) return db.select().from(oems).orderBy(asc(oems.name)).all();
  if ("oemId" in scope) return db.select().from(oems).where(eq(oems.id, scope.oemId)).all();
  return db
    .select({ id: oems.id, oemKey: oems.oemKey, name: oems.name, createdAt: oems.createdAt })
    .from(oems)
    .innerJoin(oemDealers, eq(oemDealers.oemId, oems.id))
    .where(eq(oemDealers.dealerId, scope.dealerId))
    .orderBy(asc(oems.name))
    .all();
}

function oemIdForKey(db: Db, oemKey: string | undefined): string | null | undefined {
  if (!oemKey) return undefined;
  return db.select({ id: oems.id }).from(oems).where(eq(oems.oemKey, oemKey)).get()?.id ?? null;
}

function cartWhere(
  db: Db,
  actor: Actor,
  f: { oem?: string; source?: string; state?: string },
): SQL | undefined {
  const oemId = oemIdForKey(db, f.oem);
  return and(
    scopeFilter(checkoutScope(actor), checkoutCarts.oemId, checkoutCarts.dealerId),
    oemId === null ? sql`0` : oemId ? eq(checkoutCarts.oemId, oemId) : undefined,
    f.source ? eq(checkoutCarts.source, f.source) : undefined,
    f.state ? eq(checkoutCarts.registrationState, f.state) : undefined,
  );
}

/** Staff: carts with the funnel status filter; newest first, cursor pages. */
export function listCarts(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "checkout_carts.read");
  const f = parseInput(cartFiltersSchema, raw);
  const now = nowMs();
  const cutoff = new Date(now - ABANDON_AFTER_MS);
  const status =
    f.status === "abandoned"
      ? and(eq(checkoutCarts.status, "opened"), lte(checkoutCarts.lastActivityAt, cutoff))
      : f.status === "opened"
        ? and(eq(checkoutCarts.status, "opened"), gt(checkoutCarts.lastActivityAt, cutoff))
        : f.status
          ? eq(checkoutCarts.status, f.status)
          : undefined;
  const rows = db
    .select({
      cart: checkoutCarts,
      oem: { id: oems.id, oemKey: oems.oemKey, name: oems.name },
      dealerName: dealers.name,
    })
    .from(checkoutCarts)
    .innerJoin(oems, eq(oems.id, checkoutCarts.oemId))
    .innerJoin(dealers, eq(dealers.id, checkoutCarts.dealerId))
    .where(
      and(cartWhere(db, actor, f), status, afterCursor(f.cursor, checkoutCarts.createdAt, checkoutCarts.id)),
    )
    .orderBy(desc(checkoutCarts.createdAt), desc(checkoutCarts.id))
    .limit(f.limit + 1)
    .all();
  const { data, nextCursor } = page(
    rows.map((r) => ({ ...r, createdAt: r.cart.createdAt, id: r.cart.id })),
    f.limit,
  );
  return {
    data: data.map((r) => ({
      ...serializeCart(r.cart, r.oem, { id: r.cart.dealerId, name: r.dealerName }, now),
      oemName: r.oem.name,
    })),
    nextCursor,
  };
}

/** Funnel counts over the same filters (status aside): one aggregate query. */
export function cartFunnel(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "checkout_carts.read");
  const f = parseInput(cartFiltersSchema, raw);
  const cutoff = nowMs() - ABANDON_AFTER_MS;
  const row = db
    .select({
      created: sql<number>`count(*)`,
      opened: sql<number>`coalesce(sum(${checkoutCarts.openedAt} is not null), 0)`,
      placed: sql<number>`coalesce(sum(${checkoutCarts.status} = 'placed'), 0)`,
      abandoned: sql<number>`coalesce(sum(${checkoutCarts.status} = 'opened' and ${checkoutCarts.lastActivityAt} <= ${cutoff}), 0)`,
    })
    .from(checkoutCarts)
    .where(cartWhere(db, actor, f))
    .get();
  return {
    created: Number(row?.created ?? 0),
    opened: Number(row?.opened ?? 0),
    placed: Number(row?.placed ?? 0),
    abandoned: Number(row?.abandoned ?? 0),
  };
}

/** The distinct sources of visible carts (for the filter). */
export function cartSources(db: Db, actor: Actor): string[] {
  return db
    .selectDistinct({ source: checkoutCarts.source })
    .from(checkoutCarts)
    .where(
      and(
        scopeFilter(checkoutScope(actor), checkoutCarts.oemId, checkoutCarts.dealerId),
        isNotNull(checkoutCarts.source),
      ),
    )
    .orderBy(asc(checkoutCarts.source))
    .limit(100)
    .all()
    .map((r) => r.source as string);
}

/**
 * A subject's history. `hideOrder` drops entries about placed orders the viewer may not see: a
 * shared cart's history names each order placed from it, and another dealer's stay hidden.
 */
function timelineOf(db: Db, type: string, id: string, hideOrder: (orderId: string) => boolean = () => false) {
  return selectRows(
    db,
    timelineEntries,
    "where subject_type = ? and subject_id = ? order by at, id",
    type,
    id,
  )
    .filter((t) => {
      const orderId = (t.data as { placedOrderId?: unknown } | null)?.placedOrderId;
      return typeof orderId !== "string" || !hideOrder(orderId);
    })
    .map((t) => ({
      at: t.at.toISOString(),
      status: t.toStatus,
      from: t.fromStatus,
      note: t.note,
      by: t.actorLabel,
    }));
}

/** The staff cart page: the cart, its orders and its history. */
export function getCartDetail(db: Db, actor: Actor, id: string) {
  requireScope(actor, "checkout_carts.read");
  const row = db
    .select({ cart: checkoutCarts, oem: oems, dealerName: dealers.name, timeZone: dealers.timeZone })
    .from(checkoutCarts)
    .innerJoin(oems, eq(oems.id, checkoutCarts.oemId))
    .innerJoin(dealers, eq(dealers.id, checkoutCarts.dealerId))
    .where(eq(checkoutCarts.id, id))
    .get();
  const scope = checkoutScope(actor);
  const visible = assertCartVisible(
    db,
    scope,
    row ? { ...row, id: row.cart.id, oemId: row.cart.oemId, dealerId: row.cart.dealerId } : undefined,
  );
  // Each order as its own fulfilling dealer sees it: another dealer's orders from a shared cart stay hidden.
  const all = db
    .select()
    .from(placedOrders)
    .where(eq(placedOrders.cartId, id))
    .orderBy(desc(placedOrders.createdAt))
    .all();
  const orders = all.filter((o) => canSee(scope, o));
  const hidden = new Set(all.filter((o) => !canSee(scope, o)).map((o) => o.id));
  return {
    cart: serializeCart(
      visible.cart,
      visible.oem,
      { id: visible.cart.dealerId, name: visible.dealerName },
      nowMs(),
    ),
    oemName: visible.oem.name,
    timeZone: visible.timeZone,
    orders: orders.map((o) => ({
      id: o.id,
      buyer: `${o.buyer.firstName} ${o.buyer.lastName}`,
      paymentStatus: o.paymentStatus,
      fulfillmentStatus: o.fulfillmentStatus,
      totalCents: o.totalCents,
      createdAt: o.createdAt.toISOString(),
    })),
    timeline: timelineOf(db, "checkout_cart", id, (orderId) => hidden.has(orderId)),
  };
}

export function listPlacedOrders(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "placed_orders.read");
  const f = parseInput(placedOrderFiltersSchema, raw);
  const scope = checkoutScope(actor);
  const oemId = oemIdForKey(db, f.oem);
  const rows = db
    .select({
      order: placedOrders,
      oem: { id: oems.id, oemKey: oems.oemKey, name: oems.name },
      dealerName: dealers.name,
    })
    .from(placedOrders)
    .innerJoin(oems, eq(oems.id, placedOrders.oemId))
    .innerJoin(dealers, eq(dealers.id, placedOrders.dealerId))
    .where(
      and(
        "all" in scope
          ? undefined
          : "oemId" in scope
            ? eq(placedOrders.oemId, scope.oemId)
            : eq(placedOrders.dealerId, scope.dealerId),
        oemId === null ? sql`0` : oemId ? eq(placedOrders.oemId, oemId) : undefined,
        f.fulfillmentStatus ? eq(placedOrders.fulfillmentStatus, f.fulfillmentStatus) : undefined,
        f.paymentStatus ? eq(placedOrders.paymentStatus, f.paymentStatus) : undefined,
        afterCursor(f.cursor, placedOrders.createdAt, placedOrders.id),
      ),
    )
    .orderBy(desc(placedOrders.createdAt), desc(placedOrders.id))
    .limit(f.limit + 1)
    .all();
  const { data, nextCursor } = page(
    rows.map((r) => ({ ...r, createdAt: r.order.createdAt, id: r.order.id })),
    f.limit,
  );
  return {
    data: data.map((r) => ({
      ...serializePlacedOrder(r.order, r.oem, { id: r.order.dealerId, name: r.dealerName }),
      oemName: r.oem.name,
    })),
    nextCursor,
  };
}

export interface PlacedOrderDetail {
  order: ReturnType<typeof serializePlacedOrder>;
  oemName: string;
  timeZone: string;
  /** The statuses the fulfilling dealer's staff may move to next (empty for anyone else). */
  nextFulfillment: FulfillmentStatus[];
  nextPayment: PaymentStatus[];
  /** Only the fulfilling dealer's own staff change an order. */
  canUpdate: boolean;
  /** The dealer a pick-up order is collected at (by name), null for shipping. */
  pickUpDealerName: string | null;
  timeline: ReturnType<typeof timelineOf>;
}

/** The staff order page (polled by its live part). */
export function getPlacedOrderDetail(db: Db, actor: Actor, id: string): PlacedOrderDetail {
  requireScope(actor, "placed_orders.read");
  const row = db
    .select({ order: placedOrders, oem: oems, dealerName: dealers.name, timeZone: dealers.timeZone })
    .from(placedOrders)
    .innerJoin(oems, eq(oems.id, placedOrders.oemId))
    .innerJoin(dealers, eq(dealers.id, placedOrders.dealerId))
    .where(eq(placedOrders.id, id))
    .get();
  const v = assertVisible(
    checkoutScope(actor),
    row ? { ...row, oemId: row.order.oemId, dealerId: row.order.dealerId } : undefined,
    "placed order",
  );
  const mine = actor.dealerId === v.order.dealerId;
  return {
    order: serializePlacedOrder(v.order, v.oem, { id: v.order.dealerId, name: v.dealerName }),
    oemName: v.oem.name,
    timeZone: v.timeZone,
    nextFulfillment: mine ? nextFulfillment(v.order.fulfillmentStatus, v.order.delivery.method) : [],
    nextPayment: mine ? [...nextPayment(v.order.paymentStatus)] : [],
    canUpdate: mine,
    pickUpDealerName: v.order.delivery.pickUpDealerId
      ? (db
          .select({ name: dealers.name })
          .from(dealers)
          .where(eq(dealers.id, v.order.delivery.pickUpDealerId))
          .get()?.name ?? "a dealer no longer listed")
      : null,
    timeline: timelineOf(db, "placed_order", id),
  };
}

// ---------------------------------------------------------------------------------------------
// OEM configuration (ops)

export function listOemsForOps(db: Db, actor: Actor) {
  requireRole(actor, "ops");
  const rows = db.select().from(oems).orderBy(asc(oems.name)).all();
  const counts = db
    .select({ oemId: products.oemId, n: sql<number>`count(*)` })
    .from(products)
    .groupBy(products.oemId)
    .all();
  const states = db
    .select({ oemId: oemCheckoutStates.oemId, n: sql<number>`count(*)` })
    .from(oemCheckoutStates)
    .groupBy(oemCheckoutStates.oemId)
    .all();
  return rows.map((o) => ({
    ...o,
    products: Number(counts.find((c) => c.oemId === o.id)?.n ?? 0),
    states: Number(states.find((c) => c.oemId === o.id)?.n ?? 0),
  }));
}

export function getOemConfig(db: Db, actor: Actor, oemId: string) {
  requireRole(actor, "ops");
  const oem = db.select().from(oems).where(eq(oems.id, oemId)).get();
  if (!oem) throw notFound("OEM");
  const productRows = productsWithAccessories(db, oemId);
  return {
    oem,
    brands: db
      .select()
      .from(oemBrands)
      .where(eq(oemBrands.oemId, oemId))
      .orderBy(asc(oemBrands.brandKey))
      .all(),
    states: db
      .select({ state: oemCheckoutStates.state })
      .from(oemCheckoutStates)
      .where(eq(oemCheckoutStates.oemId, oemId))
      .all()
      .map((s) => s.state),
    dealers: db
      .select({
        dealerId: oemDealers.dealerId,
        slug: dealers.slug,
        name: dealers.name,
        states: oemDealers.states,
        isDefault: oemDealers.isDefault,
      })
      .from(oemDealers)
      .innerJoin(dealers, eq(dealers.id, oemDealers.dealerId))
      .where(eq(oemDealers.oemId, oemId))
      .orderBy(asc(oemDealers.createdAt), asc(dealers.slug))
      .all(),
    products: productRows,
  };
}
