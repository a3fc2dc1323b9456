import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const at = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () => at("created_at").notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** A vehicle maker whose web shop posts carts. Not a tenant: ops manage OEMs for every dealer. */
export const oems = sqliteTable(
  "oems",
  {
    id: text("id").primaryKey(),
    /** The `oemKey` integrators send; lower-case slug. */
    oemKey: text("oem_key").notNull(),
    name: text("name").notNull(),
    /**
     * Bumped by every ops change to the OEM's configuration (states, dealers, brands, products):
     * processes and threads that cache the catalog compare it on use (lib/checkout/oem-catalog.ts).
     */
    configRevision: integer("config_revision").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("oems_key_unique").on(t.oemKey)],
);

export const oemBrands = sqliteTable(
  "oem_brands",
  {
    oemId: text("oem_id")
      .notNull()
      .references(() => oems.id),
    brandKey: text("brand_key").notNull(),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.oemId, t.brandKey] })],
);

/** A row = hosted checkout is turned on for vehicles registered in that state. */
export const oemCheckoutStates = sqliteTable(
  "oem_checkout_states",
  {
    oemId: text("oem_id")
      .notNull()
      .references(() => oems.id),
    state: text("state").notNull(),
  },
  (t) => [primaryKey({ columns: [t.oemId, t.state] })],
);

/** The dealers that fulfil an OEM's orders, each for the registration states it serves. */
export const oemDealers = sqliteTable(
  "oem_dealers",
  {
    oemId: text("oem_id")
      .notNull()
      .references(() => oems.id),
    dealerId: text("dealer_id").notNull(),
    /** Registration states this dealer fulfils; the default dealer takes every other state. */
    states: text("states", { mode: "json" }).$type<string[]>().notNull(),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.oemId, t.dealerId] }), index("oem_dealers_dealer_idx").on(t.dealerId)],
);

export const products = sqliteTable(
  "products",
  {
    id: text("id").primaryKey(),
    oemId: text("oem_id")
      .notNull()
      .references(() => oems.id),
    /** The OEM's own product id: the first part of every variantConfigId. */
    productId: text("product_id").notNull(),
    name: text("name").notNull(),
    modelYear: integer("model_year").notNull(),
    brandKey: text("brand_key"),
    basePriceCents: integer("base_price_cents").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("products_oem_product_unique").on(t.oemId, t.productId)],
);

export const productAccessories = sqliteTable(
  "product_accessories",
  {
    id: text("id").primaryKey(),
    productRowId: text("product_row_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The name stripped of symbols and spaces: its part of a variantConfigId. */
    variantKey: text("variant_key").notNull(),
    priceCents: integer("price_cents").notNull(),
  },
  (t) => [uniqueIndex("product_accessories_key_unique").on(t.productRowId, t.variantKey)],
);

/** A configured vehicle as priced when the cart was posted (prices are snapshotted with the cart). */
export interface CartVehicle {
  variantConfigId: string;
  productId: string;
  name: string;
  modelYear: number;
  brandKey: string | null;
  basePriceCents: number;
  accessories: { name: string; priceCents: number }[];
  metadata: Record<string, unknown> | null;
}
export interface CartItem {
  itemId: string;
  name: string;
  priceCents: number;
}
export type PaymentOption = "STANDARD_RESERVATION" | "CHECKOUT_FULL_PAYMENT" | "LOAN_DOWNPAYMENT";
export interface PostalAddress {
  street: string;
  line2?: string | null;
  city: string;
  state: string;
  zip: string;
}
export interface PrefilledInfo {
  buyerFirstName?: string;
  buyerLastName?: string;
  buyerPhone?: string;
  buyerEmail?: string;
  selectedPaymentOption?: PaymentOption;
  selectedDeliveryOption?: "PICK_UP" | "SHIP";
  selectedRegistrationOption?: "INDIVIDUAL" | "BUSINESS";
  pickUpLocation?: string;
  shippingAddress?: PostalAddress;
  registrationAddress?: PostalAddress;
  mailingAddress?: PostalAddress;
}
export interface CustomLinkConfig {
  linkName?: string;
  salespersonEmail?: string;
  checkoutPaymentOverride?: PaymentOption;
  fullPaymentDiscountPerc?: number;
  checkoutDownPaymentPerc?: number;
  prefilledInfo?: PrefilledInfo;
}

export const ORDER_CREATION_TYPES = [
  "ORGANIC",
  "ANTE_PREORDER",
  "PREORDER",
  "EXISTINGORDER",
  "OEMORIGINATED",
  "ABANDONEDCART",
] as const;
export type OrderCreationType = (typeof ORDER_CREATION_TYPES)[number];

/** Stored statuses; "abandoned" is derived (see lib/checkout/funnel.ts). */
export type CartStatus = "created" | "opened" | "placed";

export const checkoutCarts = sqliteTable(
  "checkout_carts",
  {
    id: text("id").primaryKey(),
    oemId: text("oem_id").notNull(),
    /** The fulfilling dealer: its staff work the cart and its webhooks hear about it. */
    dealerId: text("dealer_id").notNull(),
    /** The link's secret (192 bits); never the id. */
    token: text("token").notNull(),
    status: text("status", { enum: ["created", "opened", "placed"] }).notNull(),
    linkUseType: text("link_use_type", { enum: ["SINGLE_USE", "MULTI_USE"] }).notNull(),
    orderCreationType: text("order_creation_type", { enum: ORDER_CREATION_TYPES }).notNull(),
    source: text("source"),
    registrationState: text("registration_state"),
    brandKey: text("brand_key"),
    ecommUserId: text("ecomm_user_id"),
    ecommOrderId: text("ecomm_order_id"),
    preorderId: text("preorder_id"),
    cancelUrl: text("cancel_url").notNull(),
    nativeDefaultCheckoutUrl: text("native_default_checkout_url").notNull(),
    vehicles: text("vehicles", { mode: "json" }).$type<CartVehicle[]>().notNull(),
    items: text("items", { mode: "json" }).$type<CartItem[]>().notNull(),
    customLinkConfig: text("custom_link_config", { mode: "json" }).$type<CustomLinkConfig>(),
    placedOrderMetadata: text("placed_order_metadata", { mode: "json" }).$type<Record<string, unknown>>(),
    /** How many times the OEM overwrote this cart by id. */
    revision: integer("revision").notNull().default(1),
    openedAt: at("opened_at"),
    /** Last time a buyer opened the link or saved a step: "abandoned" counts from here. */
    lastActivityAt: at("last_activity_at"),
    placedAt: at("placed_at"),
    /**
     * Set when the OEM re-posts the cart's id with a cart we do not host (no vehicles, a state
     * that is off): the link then says the checkout is no longer available. Cleared when the OEM
     * posts a hostable cart under that id again.
     */
    deactivatedAt: at("deactivated_at"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("checkout_carts_token_unique").on(t.token),
    index("checkout_carts_dealer_idx").on(t.dealerId, t.createdAt),
    index("checkout_carts_oem_idx").on(t.oemId, t.createdAt),
  ],
);

export interface BuyerDetails {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}
export interface DeliveryChoice {
  method: "PICK_UP" | "SHIP";
  /** The dealer the buyer picks the vehicle up at (PICK_UP). */
  pickUpDealerId?: string;
  shippingAddress?: PostalAddress;
}
export interface RegistrationChoice {
  type: "INDIVIDUAL" | "BUSINESS";
  businessName?: string;
  address: PostalAddress;
  mailingAddress: PostalAddress;
}
export interface CheckoutProgress {
  buyer?: BuyerDetails;
  delivery?: DeliveryChoice;
  registration?: RegistrationChoice;
  paymentOption?: PaymentOption;
}

/**
 * One buyer's way through a cart's checkout (a MULTI_USE link has one per buyer). The browser
 * holds the session secret in a cookie; only its hash is stored.
 */
export const checkoutSessions = sqliteTable(
  "checkout_sessions",
  {
    id: text("id").primaryKey(),
    cartId: text("cart_id")
      .notNull()
      .references(() => checkoutCarts.id),
    secretHash: text("secret_hash").notNull(),
    progress: text("progress", { mode: "json" }).$type<CheckoutProgress>().notNull(),
    placedOrderId: text("placed_order_id"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("checkout_sessions_secret_unique").on(t.secretHash),
    index("checkout_sessions_cart_idx").on(t.cartId),
  ],
);

/** The spec's payment statuses, and only those (a loan's down payment starts at RESERVATION_PAID). */
export const PAYMENT_STATUSES = ["RESERVATION_PAID", "FINANCING_GUARANTEED", "FULLY_PAID"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const FULFILLMENT_STATUSES = [
  "UNFULFILLED",
  "READY_TO_FULFILL",
  "ON_HOLD",
  "SHIPPED",
  "READY_FOR_PICK_UP",
  "FULFILLED",
  "CANCELED",
] as const;
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

export interface OrderAmounts {
  vehiclesCents: number;
  accessoriesCents: number;
  itemsCents: number;
  feesCents: number;
  discountCents: number;
  totalCents: number;
  dueNowCents: number;
  /** What is left after today's payment (financed or paid later). */
  balanceCents: number;
}

export const placedOrders = sqliteTable(
  "placed_orders",
  {
    id: text("id").primaryKey(),
    cartId: text("cart_id")
      .notNull()
      .references(() => checkoutCarts.id),
    dealerId: text("dealer_id").notNull(),
    oemId: text("oem_id").notNull(),
    typeOfOrder: text("type_of_order", { enum: ["preorder", "buildToOrder", "inventoryOrder"] }).notNull(),
    orderCreationType: text("order_creation_type", { enum: ORDER_CREATION_TYPES }).notNull(),
    source: text("source"),
    ecommUserId: text("ecomm_user_id"),
    ecommOrderId: text("ecomm_order_id"),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>(),
    paymentOption: text("payment_option", {
      enum: ["STANDARD_RESERVATION", "CHECKOUT_FULL_PAYMENT", "LOAN_DOWNPAYMENT"],
    }).notNull(),
    paymentStatus: text("payment_status", { enum: PAYMENT_STATUSES }).notNull(),
    fulfillmentStatus: text("fulfillment_status", { enum: FULFILLMENT_STATUSES }).notNull(),
    buyer: text("buyer", { mode: "json" }).$type<BuyerDetails>().notNull(),
    delivery: text("delivery", { mode: "json" }).$type<DeliveryChoice>().notNull(),
    registration: text("registration", { mode: "json" }).$type<RegistrationChoice>().notNull(),
    vehicles: text("vehicles", { mode: "json" }).$type<CartVehicle[]>().notNull(),
    items: text("items", { mode: "json" }).$type<CartItem[]>().notNull(),
    amounts: text("amounts", { mode: "json" }).$type<OrderAmounts>().notNull(),
    totalCents: integer("total_cents").notNull(),
    paidCents: integer("paid_cents").notNull(),
    cardBrand: text("card_brand").notNull(),
    cardLast4: text("card_last4").notNull(),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    index("placed_orders_dealer_idx").on(t.dealerId, t.createdAt),
    index("placed_orders_oem_idx").on(t.oemId, t.createdAt),
    index("placed_orders_cart_idx").on(t.cartId),
  ],
);

export type Oem = typeof oems.$inferSelect;
export type OemDealer = typeof oemDealers.$inferSelect;
export type Product = typeof products.$inferSelect;
export type ProductAccessory = typeof productAccessories.$inferSelect;
export type CheckoutCart = typeof checkoutCarts.$inferSelect;
export type CheckoutSession = typeof checkoutSessions.$inferSelect;
export type PlacedOrder = typeof placedOrders.$inferSelect;
