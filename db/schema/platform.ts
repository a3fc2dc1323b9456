import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Timestamps are stored as integer milliseconds since the epoch (UTC). */
const at = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () => at("created_at").notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const dealers = sqliteTable("dealers", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  city: text("city").notNull(),
  state: text("state").notNull(),
  timeZone: text("time_zone").notNull().default("America/New_York"),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Null for ops users, who work across dealers. */
    dealerId: text("dealer_id").references(() => dealers.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ["admin", "staff", "ops"] }).notNull(),
    passwordHash: text("password_hash").notNull(),
    disabledAt: at("disabled_at"),
    createdAt: createdAt(),
    passwordChangedAt: at("password_changed_at"),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_dealer_idx").on(t.dealerId)],
);

/** A signed-in browser. The session cookie (a next-auth JWT) carries `sid`; deleting the row ends it. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
    at: at("at").notNull(),
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);

export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").references(() => dealers.id),
    /** OEM-bound keys (checkout carts) have no dealer. */
    oemId: text("oem_id"),
    name: text("name").notNull(),
    /** The first characters of the key, shown so people can tell keys apart. */
    prefix: text("prefix").notNull(),
    /** SHA-256 of the whole key, hex. The key itself is never stored. */
    hash: text("hash").notNull(),
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash_unique").on(t.hash), index("api_keys_dealer_idx").on(t.dealerId)],
);

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Whose key space this is: an API key id or a user id. */
    owner: text("owner").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    state: text("state", { enum: ["in_flight", "done"] }).notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [uniqueIndex("idempotency_owner_key_unique").on(t.owner, t.key)],
);

/** The outbox: one row per state change that integrators may hear about. */
export const events = sqliteTable(
  "events",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    type: text("type").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    /** The full webhook body, as sent. */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("events_dealer_created_idx").on(t.dealerId, t.createdAt),
    index("events_subject_idx").on(t.subjectType, t.subjectId),
  ],
);

export const timelineEntries = sqliteTable(
  "timeline_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dealerId: text("dealer_id").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    actorKind: text("actor_kind").notNull(),
    actorLabel: text("actor_label").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    note: text("note"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    at: at("at").notNull(),
  },
  (t) => [index("timeline_subject_idx").on(t.subjectType, t.subjectId, t.at)],
);

export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    url: text("url").notNull(),
    description: text("description"),
    events: text("events", { mode: "json" }).$type<string[]>().notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    disabledReason: text("disabled_reason"),
    /** whsec_ secret; needed in clear to sign, returned only at creation and rotation. */
    secret: text("secret").notNull(),
    /** Start of the current run of failures; cleared by any success. */
    failingSince: at("failing_since"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull(),
    deletedAt: at("deleted_at"),
  },
  (t) => [index("webhook_endpoints_dealer_idx").on(t.dealerId)],
);

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id),
    status: text("status", { enum: ["pending", "succeeded", "failed"] }).notNull(),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: at("next_attempt_at"),
    /** Lease: a worker owns the delivery until then; a crashed worker's lease simply runs out. */
    lockedUntil: at("locked_until"),
    lastHttpStatus: integer("last_http_status"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_dealer_idx").on(t.dealerId, t.createdAt),
    index("webhook_deliveries_event_idx").on(t.eventId),
  ],
);

export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id),
    dealerId: text("dealer_id").notNull(),
    attemptNumber: integer("attempt_number").notNull(),
    at: at("at").notNull(),
    httpStatus: integer("http_status"),
    latencyMs: integer("latency_ms"),
    responseExcerpt: text("response_excerpt"),
    error: text("error"),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attemptNumber)],
);

/** Email and SMS outbox. Written in the same transaction as the change that caused it. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id").notNull(),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    to: text("to").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    status: text("status", { enum: ["queued", "sent", "failed", "not_sent"] }).notNull(),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    createdAt: createdAt(),
    sentAt: at("sent_at"),
  },
  (t) => [
    index("notifications_dealer_idx").on(t.dealerId, t.createdAt),
    index("notifications_status_idx").on(t.status),
  ],
);

export type Dealer = typeof dealers.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type Event = typeof events.$inferSelect;
export type TimelineEntry = typeof timelineEntries.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
