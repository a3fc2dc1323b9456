import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const at = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () => at("created_at").notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** The brands a dealer's parts file carries (OEM and aftermarket). */
export const partBrands = sqliteTable(
  "part_brands",
  {
    dealerId: text("dealer_id").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("part_brands_dealer_code_unique").on(t.dealerId, t.code)],
);

export const SURCHARGE_TYPES = ["CORE_CHARGE"] as const;
export type SurchargeType = (typeof SURCHARGE_TYPES)[number];

/**
 * A dealer's parts master file (as in a DMS, each dealer has its own). `seq` is the stable integer
 * key the full-text index (parts_fts, see the migration) points at; `id` is the public partId.
 * `codeKey` is the part code upper-cased without separators, so "fl500s" finds "FL-500S" by prefix.
 */
export const parts = sqliteTable(
  "parts",
  {
    seq: integer("seq").primaryKey(),
    id: text("id").notNull(),
    dealerId: text("dealer_id").notNull(),
    brandCode: text("brand_code").notNull(),
    partCode: text("part_code").notNull(),
    codeKey: text("code_key").notNull(),
    description: text("description").notNull(),
    category: text("category").notNull(),
    weightGrams: integer("weight_grams").notNull(),
    unitOfSale: text("unit_of_sale").notNull(),
    /** Net list price per unit of sale, in cents. */
    listPriceCents: integer("list_price_cents").notNull(),
    /** Sales tax in basis points (530 = 5.30%). */
    taxRateBp: integer("tax_rate_bp").notNull(),
    surchargeType: text("surcharge_type", { enum: SURCHARGE_TYPES }),
    surchargeCents: integer("surcharge_cents").notNull().default(0),
    requiresVin: integer("requires_vin", { mode: "boolean" }).notNull().default(false),
    /** The part that replaced this one (its immediate successor in the supersession chain). */
    supersededBySeq: integer("superseded_by_seq"),
    supersessionDate: text("supersession_date"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("parts_id_unique").on(t.id),
    uniqueIndex("parts_dealer_brand_code_unique").on(t.dealerId, t.brandCode, t.codeKey),
    // Code-prefix search (range over code_key), with and without a brand filter.
    index("parts_dealer_code_idx").on(t.dealerId, t.codeKey, t.id),
    index("parts_dealer_brand_code_idx").on(t.dealerId, t.brandCode, t.codeKey, t.id),
    index("parts_superseded_by_idx").on(t.supersededBySeq),
  ],
);

/**
 * Stock of a part at its dealer. Kept apart from `parts` so reserving stock never rewrites the
 * catalog row (and its full-text entry). `reserved` never exceeds `on_hand` (checked by SQLite too).
 */
export const partStocks = sqliteTable(
  "part_stocks",
  {
    partSeq: integer("part_seq").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    onHand: integer("on_hand").notNull(),
    reserved: integer("reserved").notNull().default(0),
    leadTimeDays: integer("lead_time_days").notNull(),
    backOrderable: integer("back_orderable", { mode: "boolean" }).notNull(),
    salesBlockReason: text("sales_block_reason"),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    check("part_stocks_never_negative", sql`${t.reserved} >= 0 and ${t.onHand} >= ${t.reserved}`),
    index("part_stocks_dealer_idx").on(t.dealerId),
  ],
);

/** Interchangeable parts (e.g. an aftermarket equivalent), offered when a part is back-ordered. */
export const partAlternatives = sqliteTable(
  "part_alternatives",
  {
    dealerId: text("dealer_id").notNull(),
    partSeq: integer("part_seq").notNull(),
    alternativeSeq: integer("alternative_seq").notNull(),
  },
  (t) => [uniqueIndex("part_alternatives_pair_unique").on(t.partSeq, t.alternativeSeq)],
);

export const ORDER_TYPES = ["EMG", "VOR", "STK", "DPO", "COL"] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export interface AccountDiscount {
  brandCode?: string;
  category?: string;
  /** Percent off list, 0–100. */
  percent: number;
}

/** A trade customer (repair shop, fleet) holding an account with the dealer. */
export const tradeCustomers = sqliteTable(
  "trade_customers",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    accountNumber: text("account_number").notNull(),
    companyName: text("company_name").notNull(),
    contactName: text("contact_name").notNull(),
    phone: text("phone").notNull(),
    email: text("email").notNull(),
    streetName: text("street_name").notNull(),
    postalCode: text("postal_code").notNull(),
    city: text("city").notNull(),
    countryCode: text("country_code").notNull(),
    /** Applies where no brand/category discount does. */
    defaultDiscountPercent: integer("default_discount_percent").notNull().default(0),
    discounts: text("discounts", { mode: "json" }).$type<AccountDiscount[]>().notNull(),
    allowedOrderTypes: text("allowed_order_types", { mode: "json" }).$type<OrderType[]>().notNull(),
    orderReferenceRequired: integer("order_reference_required", { mode: "boolean" }).notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("trade_customers_dealer_account_unique").on(t.dealerId, t.accountNumber),
    index("trade_customers_dealer_idx").on(t.dealerId, t.createdAt, t.id),
  ],
);

export const LINE_STATUSES = [
  "OPEN",
  "RESERVED",
  "ISSUED",
  "BACKORDER",
  "PACKED",
  "INTRANSIT",
  "DELIVERED",
  "CANCELLED",
  "INVOICED",
] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export const ORDER_STATUSES = ["CREATED", "CONFIRMED", "INPROGRESS", "SHIPPED", "CLOSED"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderContact {
  name: string;
  phone: string;
  email: string;
  companyName: string;
}
export interface DeliveryAddress {
  streetName: string;
  postalCode: string;
  city: string;
  countryCode: string;
}
export interface VehicleReference {
  type: "VIN";
  value: string;
}

export const partsOrders = sqliteTable(
  "parts_orders",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    customerId: text("customer_id")
      .notNull()
      .references(() => tradeCustomers.id),
    orderType: text("order_type", { enum: ORDER_TYPES }).notNull(),
    orderReference: text("order_reference"),
    contact: text("contact", { mode: "json" }).$type<OrderContact>().notNull(),
    deliveryAddress: text("delivery_address", { mode: "json" }).$type<DeliveryAddress>(),
    /** Derived from the lines (deriveOrderStatus) and stored for filtering; rewritten on every change. */
    orderStatus: text("order_status", { enum: ORDER_STATUSES }).notNull(),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    index("parts_orders_dealer_idx").on(t.dealerId, t.createdAt, t.id),
    index("parts_orders_dealer_status_idx").on(t.dealerId, t.orderStatus, t.createdAt),
    index("parts_orders_customer_idx").on(t.customerId, t.createdAt),
  ],
);

export const partsOrderLines = sqliteTable(
  "parts_order_lines",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    orderId: text("order_id")
      .notNull()
      .references(() => partsOrders.id),
    lineNumber: integer("line_number").notNull(),
    partSeq: integer("part_seq").notNull(),
    /** The part the customer asked for when supersession (or an accepted alternative) changed it. */
    requestedPartSeq: integer("requested_part_seq"),
    quantity: integer("quantity").notNull(),
    status: text("status", { enum: LINE_STATUSES }).notNull(),
    /** Prices at order time, per unit, in cents. */
    listPriceCents: integer("list_price_cents").notNull(),
    orderPriceCents: integer("order_price_cents").notNull(),
    surchargeCents: integer("surcharge_cents").notNull(),
    taxRateBp: integer("tax_rate_bp").notNull(),
    vehicleReferences: text("vehicle_references", { mode: "json" }).$type<VehicleReference[]>().notNull(),
    /** Expected arrival of a back-ordered line (order time + lead time). */
    expectedAt: at("expected_at"),
    /** The back-ordered line this one replaced when the customer accepted an alternative. */
    replacesLineId: text("replaces_line_id"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    index("parts_order_lines_order_idx").on(t.orderId, t.lineNumber),
    // The parts counter's queue: open lines by status, oldest first.
    index("parts_order_lines_queue_idx").on(t.dealerId, t.status, t.createdAt),
    index("parts_order_lines_status_idx").on(t.status, t.createdAt),
  ],
);

export type PartBrand = typeof partBrands.$inferSelect;
export type Part = typeof parts.$inferSelect;
export type PartStock = typeof partStocks.$inferSelect;
export type TradeCustomer = typeof tradeCustomers.$inferSelect;
export type PartsOrder = typeof partsOrders.$inferSelect;
export type PartsOrderLine = typeof partsOrderLines.$inferSelect;
