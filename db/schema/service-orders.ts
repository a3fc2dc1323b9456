import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const at = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () => at("created_at").notNull().default(sql`(unixepoch('subsec') * 1000)`);

export interface LineItem {
  service: string;
  name: string;
  description: string;
  /** Unit price in cents. */
  priceCents: number;
  quantity: number;
  durationMinutes: number;
}
export interface Contact {
  name?: string;
  email?: string;
  phone?: string;
}
export interface VehicleInfo {
  vin?: string;
  year?: number;
  make?: string;
  model?: string;
  trim?: string;
  mileage?: number;
  stock?: string;
  priceCents?: number;
  location?: string;
}
export interface Address {
  street: string;
  city: string;
  state: string;
  zip: string;
}

export const deals = sqliteTable(
  "deals",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    customerName: text("customer_name").notNull(),
    customerEmail: text("customer_email"),
    customerPhone: text("customer_phone"),
    vehicle: text("vehicle", { mode: "json" }).$type<VehicleInfo>(),
    createdAt: createdAt(),
  },
  (t) => [index("deals_dealer_idx").on(t.dealerId, t.createdAt)],
);

export const quotes = sqliteTable(
  "quotes",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    dealId: text("deal_id").references(() => deals.id),
    type: text("type", { enum: ["reconditioning", "concierge"] }).notNull(),
    services: text("services", { mode: "json" }).$type<string[]>().notNull(),
    status: text("status", { enum: ["awaiting-payment", "paid", "expired", "canceled"] }).notNull(),
    vin: text("vin"),
    stock: text("stock"),
    vehicle: text("vehicle", { mode: "json" }).$type<VehicleInfo>(),
    criteria: text("criteria", { mode: "json" }).$type<Record<string, unknown>>(),
    deliveryAddress: text("delivery_address", { mode: "json" }).$type<Address>(),
    contact: text("contact", { mode: "json" }).$type<Contact>(),
    items: text("items", { mode: "json" }).$type<LineItem[]>().notNull(),
    totalCents: integer("total_cents").notNull(),
    estimatedMinutes: integer("estimated_minutes").notNull(),
    estimatedAt: at("estimated_at").notNull(),
    payToken: text("pay_token").notNull(),
    /** The concierge search order and candidate a buy quote was made from. */
    fromOrderId: text("from_order_id"),
    fromCandidateId: text("from_candidate_id"),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    paidAt: at("paid_at"),
    orderId: text("order_id"),
    canceledAt: at("canceled_at"),
    cancelReason: text("cancel_reason"),
  },
  (t) => [
    uniqueIndex("quotes_pay_token_unique").on(t.payToken),
    index("quotes_dealer_idx").on(t.dealerId, t.createdAt),
    index("quotes_deal_idx").on(t.dealId),
  ],
);

export const payments = sqliteTable(
  "payments",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    quoteId: text("quote_id"),
    method: text("method", { enum: ["card", "account"] }).notNull(),
    status: text("status", { enum: ["succeeded", "declined", "refunded"] }).notNull(),
    amountCents: integer("amount_cents").notNull(),
    cardBrand: text("card_brand"),
    cardLast4: text("card_last4"),
    declineReason: text("decline_reason"),
    createdAt: createdAt(),
    /** Test mode refunds nothing for real; the refund is recorded so the money trail stays whole. */
    refundId: text("refund_id"),
    refundedAt: at("refunded_at"),
  },
  (t) => [index("payments_quote_idx").on(t.quoteId)],
);

export const SERVICE_ORDER_STATUSES = ["pending", "in-progress", "delayed", "completed", "canceled"] as const;
export type ServiceOrderStatus = (typeof SERVICE_ORDER_STATUSES)[number];

export const serviceOrders = sqliteTable(
  "service_orders",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    dealId: text("deal_id").references(() => deals.id),
    quoteId: text("quote_id"),
    paymentId: text("payment_id"),
    type: text("type", { enum: ["reconditioning", "concierge"] }).notNull(),
    services: text("services", { mode: "json" }).$type<string[]>().notNull(),
    status: text("status", { enum: SERVICE_ORDER_STATUSES }).notNull(),
    vin: text("vin"),
    stock: text("stock"),
    vehicle: text("vehicle", { mode: "json" }).$type<VehicleInfo>(),
    criteria: text("criteria", { mode: "json" }).$type<Record<string, unknown>>(),
    deliveryAddress: text("delivery_address", { mode: "json" }).$type<Address>(),
    contact: text("contact", { mode: "json" }).$type<Contact>(),
    items: text("items", { mode: "json" }).$type<LineItem[]>().notNull(),
    totalCents: integer("total_cents").notNull(),
    paymentMethod: text("payment_method", { enum: ["card", "account"] }).notNull(),
    estimatedAt: at("estimated_at").notNull(),
    /**
     * The estimate promised when the order was created; delays move `estimatedAt` but never this,
     * so the dashboard can compare completion with what was first promised.
     */
    originalEstimatedAt: at("original_estimated_at"),
    statusReason: text("status_reason"),
    receiptToken: text("receipt_token").notNull(),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull(),
    startedAt: at("started_at"),
    completedAt: at("completed_at"),
    canceledAt: at("canceled_at"),
    /** Set when a canceled order's payment was refunded (mirrors the payment, read without a join). */
    refundedAt: at("refunded_at"),
    /** The staff form's one-time token: a resubmitted form finds its order instead of charging twice. */
    requestToken: text("request_token"),
  },
  (t) => [
    index("service_orders_dealer_idx").on(t.dealerId, t.createdAt),
    index("service_orders_status_idx").on(t.status, t.createdAt),
    index("service_orders_vin_idx").on(t.vin),
    index("service_orders_deal_idx").on(t.dealId),
    uniqueIndex("service_orders_receipt_unique").on(t.receiptToken),
    // One order per quote, even if two payments ever raced past the status check.
    uniqueIndex("service_orders_quote_unique").on(t.quoteId).where(sql`quote_id is not null`),
    uniqueIndex("service_orders_request_token_unique")
      .on(t.dealerId, t.requestToken)
      .where(sql`request_token is not null`),
  ],
);

export const searchCandidates = sqliteTable(
  "search_candidates",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    orderId: text("order_id")
      .notNull()
      .references(() => serviceOrders.id),
    vin: text("vin").notNull(),
    year: integer("year").notNull(),
    make: text("make").notNull(),
    model: text("model").notNull(),
    trim: text("trim"),
    mileage: integer("mileage").notNull(),
    priceCents: integer("price_cents").notNull(),
    location: text("location").notNull(),
    notes: text("notes"),
    quoteId: text("quote_id"),
    addedBy: text("added_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("search_candidates_order_idx").on(t.orderId)],
);

export type Deal = typeof deals.$inferSelect;
export type Quote = typeof quotes.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type ServiceOrder = typeof serviceOrders.$inferSelect;
export type SearchCandidate = typeof searchCandidates.$inferSelect;
