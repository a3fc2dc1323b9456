import "server-only";
import { and, count, desc, eq, gte, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, notifications, timelineEntries, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { type Actor, dealerOf } from "./actor";
import { nowMs } from "./clock";

/** Integration health for a dealer's dashboard: the last 24 hours of deliveries and what is waiting. */
export function integrationSummary(db: Db, actor: Actor) {
  const dealerId = dealerOf(actor);
  const since = new Date(nowMs() - 24 * 3_600_000);
  const deliveries = db
    .select({ status: webhookDeliveries.status, n: count() })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.dealerId, dealerId), gte(webhookDeliveries.createdAt, since)))
    .groupBy(webhookDeliveries.status)
    .all();
  const byStatus = Object.fromEntries(deliveries.map((d) => [d.status, d.n])) as Record<string, number>;
  const endpoints = db
    .select({ enabled: webhookEndpoints.enabled, n: count() })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.dealerId, dealerId), isNull(webhookEndpoints.deletedAt)))
    .groupBy(webhookEndpoints.enabled)
    .all();
  const activeKeys =
    db
      .select({ n: count() })
      .from(apiKeys)
      .where(and(eq(apiKeys.dealerId, dealerId), isNull(apiKeys.revokedAt)))
      .get()?.n ?? 0;
  const unsent =
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.dealerId, dealerId), eq(notifications.status, "not_sent")))
      .get()?.n ?? 0;
  return {
    deliveries24h: {
      succeeded: byStatus.succeeded ?? 0,
      failed: byStatus.failed ?? 0,
      pending: byStatus.pending ?? 0,
    },
    endpointsEnabled: endpoints.find((e) => e.enabled)?.n ?? 0,
    endpointsDisabled: endpoints.find((e) => !e.enabled)?.n ?? 0,
    activeKeys,
    unsentNotifications: unsent,
  };
}

export function recentActivity(db: Db, actor: Actor, limit = 10) {
  const dealerId = dealerOf(actor);
  return db
    .select()
    .from(timelineEntries)
    .where(eq(timelineEntries.dealerId, dealerId))
    .orderBy(desc(timelineEntries.at), desc(timelineEntries.id))
    .limit(limit)
    .all();
}
