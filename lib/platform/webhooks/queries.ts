import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { type Actor, requireRole, requireScope } from "../actor";
import { notFound } from "../errors";
import { afterCursor, page } from "../pagination";
import { parseInput } from "../validation";
import { webhookOwnerOf } from "./owner";
import { deliveryFiltersSchema } from "./schema";
import { serializeEndpoint } from "./serialize";

export function listEndpoints(db: Db, actor: Actor) {
  requireScope(actor, "webhooks.read");
  const owner = webhookOwnerOf(actor);
  const rows = db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.dealerId, owner), isNull(webhookEndpoints.deletedAt)))
    .orderBy(desc(webhookEndpoints.createdAt))
    .all();
  return rows.map((r) => serializeEndpoint(r));
}

export function getEndpoint(db: Db, actor: Actor, id: string) {
  requireScope(actor, "webhooks.read");
  const owner = webhookOwnerOf(actor);
  const row = db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.id, id),
        eq(webhookEndpoints.dealerId, owner),
        isNull(webhookEndpoints.deletedAt),
      ),
    )
    .get();
  if (!row) throw notFound("webhook endpoint");
  return serializeEndpoint(row);
}

export interface AttemptDto {
  attemptNumber: number;
  at: string;
  httpStatus: number | null;
  latencyMs: number | null;
  responseExcerpt: string | null;
  error: string | null;
  succeeded: boolean;
}

export interface DeliveryDto {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  endpointUrl: string;
  status: "pending" | "succeeded" | "failed";
  attemptCount: number;
  nextAttemptAt: string | null;
  lastHttpStatus: number | null;
  lastError: string | null;
  createdAt: string;
  attempts: AttemptDto[];
}

/** The delivery log: every delivery of every event, newest first, with all of its attempts. */
export function listDeliveries(db: Db, actor: Actor, rawFilters: unknown) {
  requireScope(actor, "webhooks.read");
  const owner = webhookOwnerOf(actor);
  const f = parseInput(deliveryFiltersSchema, rawFilters);
  const toExclusive = f.to ? new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) : undefined;
  const rows = db
    .select({
      id: webhookDeliveries.id,
      createdAt: webhookDeliveries.createdAt,
      eventId: webhookDeliveries.eventId,
      eventType: events.type,
      endpointId: webhookDeliveries.endpointId,
      endpointUrl: webhookEndpoints.url,
      status: webhookDeliveries.status,
      attemptCount: webhookDeliveries.attemptCount,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastHttpStatus: webhookDeliveries.lastHttpStatus,
      lastError: webhookDeliveries.lastError,
    })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.dealerId, owner),
        f.endpoint ? eq(webhookDeliveries.endpointId, f.endpoint) : undefined,
        f.event
          ? f.event.endsWith(".*")
            ? sql`${events.type} like ${`${f.event.slice(0, -1)}%`}`
            : eq(events.type, f.event)
          : undefined,
        f.status ? eq(webhookDeliveries.status, f.status) : undefined,
        f.from ? gte(webhookDeliveries.createdAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
        toExclusive ? lt(webhookDeliveries.createdAt, toExclusive) : undefined,
        afterCursor(f.cursor, webhookDeliveries.createdAt, webhookDeliveries.id),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(f.limit + 1)
    .all();
  const { data, nextCursor } = page(rows, f.limit);
  const attempts = data.length
    ? db
        .select()
        .from(webhookAttempts)
        .where(
          inArray(
            webhookAttempts.deliveryId,
            data.map((d) => d.id),
          ),
        )
        .orderBy(asc(webhookAttempts.attemptNumber))
        .all()
    : [];
  const byDelivery = new Map<string, AttemptDto[]>();
  for (const a of attempts) {
    const list = byDelivery.get(a.deliveryId) ?? [];
    list.push({
      attemptNumber: a.attemptNumber,
      at: a.at.toISOString(),
      httpStatus: a.httpStatus,
      latencyMs: a.latencyMs,
      responseExcerpt: a.responseExcerpt,
      error: a.error,
      succeeded: a.succeeded,
    });
    byDelivery.set(a.deliveryId, list);
  }
  const deliveries: DeliveryDto[] = data.map((d) => ({
    ...d,
    createdAt: d.createdAt.toISOString(),
    nextAttemptAt: d.status === "pending" ? (d.nextAttemptAt?.toISOString() ?? null) : null,
    attempts: byDelivery.get(d.id) ?? [],
  }));
  return { data: deliveries, nextCursor };
}

/**
 * Distinct event types in this owner's delivery log, for the log's filter: what its endpoints were
 * sent (an OEM's are events its dealers emitted about its carts).
 */
export function listEventTypes(db: Db, actor: Actor): string[] {
  requireScope(actor, "webhooks.read");
  const owner = webhookOwnerOf(actor);
  return db
    .selectDistinct({ type: events.type })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.dealerId, owner))
    .orderBy(asc(events.type))
    .all()
    .map((r) => r.type);
}

/**
 * One event as sent (the envelope), for the API's `GET /events/:id`: the owner's own events, and
 * those delivered to its endpoints (an OEM hears about carts its dealers hold).
 */
export function getEvent(db: Db, actor: Actor, id: string) {
  requireScope(actor, "events.read");
  const owner = webhookOwnerOf(actor);
  const row = db
    .select()
    .from(events)
    .where(
      and(
        eq(events.id, id),
        or(
          eq(events.dealerId, owner),
          sql`exists (select 1 from ${webhookDeliveries} where ${webhookDeliveries.eventId} = ${events.id} and ${webhookDeliveries.dealerId} = ${owner})`,
        ),
      ),
    )
    .get();
  if (!row) throw notFound("event");
  return row.payload;
}

/** An owner's endpoints (e.g. an OEM's, which no dealer sees), for the ops team. */
export function listEndpointsForOps(db: Db, actor: Actor, owner: string) {
  requireRole(actor, "ops");
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.dealerId, owner), isNull(webhookEndpoints.deletedAt)))
    .orderBy(desc(webhookEndpoints.createdAt))
    .all()
    .map((r) => serializeEndpoint(r));
}
