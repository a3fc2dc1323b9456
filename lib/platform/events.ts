import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { events, timelineEntries, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Actor } from "./actor";
import { nowMs } from "./clock";
import { newId } from "./ids";
import { enqueueNotifications, type NotificationInput } from "./notifications/enqueue";
import { wakeWorkers } from "./wakeup";
import { matchesSubscription } from "./webhooks/subscriptions";

export interface EventSpec {
  /** e.g. `service.updated` */
  name: string;
  /** The envelope's `type`: the subject's kind (for service orders, the service type). */
  type: string;
  /** The API object as integrators see it. */
  data: unknown;
  /** Deliver only to this endpoint (test events) instead of every matching subscription. */
  onlyEndpointId?: string;
}

export interface Change {
  dealerId: string;
  subject: { type: string; id: string };
  actor: Actor;
  from?: string | null;
  to?: string | null;
  note?: string | null;
  data?: Record<string, unknown>;
  event?: EventSpec;
  notify?: NotificationInput[];
}

export interface WebhookEnvelope {
  id: string;
  event: string;
  timestamp: string;
  type: string;
  data: unknown;
}

/**
 * Records one state change, inside the caller's transaction: a timeline entry, the outbox event
 * with a delivery per subscribed endpoint, and the notifications. Either all of it commits with
 * the change or none of it does.
 */
export function recordChange(tx: DbOrTx, change: Change): { eventId: string | null } {
  const at = new Date(nowMs());
  tx.insert(timelineEntries)
    .values({
      dealerId: change.dealerId,
      subjectType: change.subject.type,
      subjectId: change.subject.id,
      actorKind: change.actor.kind,
      actorLabel: change.actor.label,
      fromStatus: change.from ?? null,
      toStatus: change.to ?? null,
      note: change.note ?? null,
      data: change.data ?? null,
      at,
    })
    .run();

  let eventId: string | null = null;
  if (change.event) eventId = emitEvent(tx, change.dealerId, change.subject, change.event, at);
  if (change.notify?.length) enqueueNotifications(tx, change.dealerId, change.notify, change.subject);
  // Runs after the synchronous transaction has committed.
  queueMicrotask(wakeWorkers);
  return { eventId };
}

/** Inserts the outbox event and fans it out to the dealer's enabled, matching endpoints. */
export function emitEvent(
  tx: DbOrTx,
  dealerId: string,
  subject: { type: string; id: string },
  spec: EventSpec,
  at = new Date(nowMs()),
): string {
  const id = newId("evt");
  const envelope: WebhookEnvelope = {
    id,
    event: spec.name,
    timestamp: at.toISOString(),
    type: spec.type,
    data: spec.data,
  };
  tx.insert(events)
    .values({
      id,
      dealerId,
      type: spec.name,
      subjectType: subject.type,
      subjectId: subject.id,
      payload: envelope as unknown as Record<string, unknown>,
      createdAt: at,
    })
    .run();

  const endpoints = tx
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.dealerId, dealerId),
        eq(webhookEndpoints.enabled, true),
        isNull(webhookEndpoints.deletedAt),
        spec.onlyEndpointId ? eq(webhookEndpoints.id, spec.onlyEndpointId) : undefined,
      ),
    )
    .all();
  for (const endpoint of endpoints) {
    if (!spec.onlyEndpointId && !matchesSubscription(endpoint.events, spec.name)) continue;
    enqueueDelivery(tx, dealerId, id, endpoint.id, at);
  }
  return id;
}

export function enqueueDelivery(
  tx: DbOrTx,
  dealerId: string,
  eventId: string,
  endpointId: string,
  at: Date,
): string {
  const id = newId("dlv");
  tx.insert(webhookDeliveries)
    .values({
      id,
      dealerId,
      eventId,
      endpointId,
      status: "pending",
      nextAttemptAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .run();
  return id;
}
