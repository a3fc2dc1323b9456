import type { DbOrTx } from "@/db/client";
import { statement } from "@/db/raw";
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
  /**
   * Other webhook owners whose matching endpoints also receive the event, e.g. the OEM whose cart
   * it is (see lib/platform/webhooks/owner.ts). Their deliveries are theirs: the dealer's log
   * does not show them.
   */
  alsoDeliverTo?: readonly string[];
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
  // Raw statements: this runs for every change in every area (see db/raw.ts).
  statement(
    tx,
    `insert into timeline_entries (dealer_id, subject_type, subject_id, actor_kind, actor_label, from_status, to_status, note, data, at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    change.dealerId,
    change.subject.type,
    change.subject.id,
    change.actor.kind,
    change.actor.label,
    change.from ?? null,
    change.to ?? null,
    change.note ?? null,
    change.data ? JSON.stringify(change.data) : null,
    at.getTime(),
  );

  let eventId: string | null = null;
  let deliveries = 0;
  if (change.event)
    ({ eventId, deliveries } = emitEvent(tx, change.dealerId, change.subject, change.event, at));
  const sendable = change.notify?.length
    ? enqueueNotifications(tx, change.dealerId, change.notify, change.subject)
    : 0;
  // Wake the worker only when there is something to send; it runs after the transaction returns.
  if (deliveries > 0 || sendable > 0) setImmediate(wakeWorkers);
  return { eventId };
}

/** Inserts the outbox event and fans it out to the enabled, matching endpoints of the dealer (and `alsoDeliverTo`). */
export function emitEvent(
  tx: DbOrTx,
  dealerId: string,
  subject: { type: string; id: string },
  spec: EventSpec,
  at = new Date(nowMs()),
): { eventId: string; deliveries: number } {
  const id = newId("evt");
  const envelope: WebhookEnvelope = {
    id,
    event: spec.name,
    timestamp: at.toISOString(),
    type: spec.type,
    data: spec.data,
  };
  statement(
    tx,
    "insert into events (id, dealer_id, type, subject_type, subject_id, payload, created_at) values (?, ?, ?, ?, ?, ?, ?)",
  ).run(id, dealerId, spec.name, subject.type, subject.id, JSON.stringify(envelope), at.getTime());

  let deliveries = 0;
  for (const owner of [dealerId, ...(spec.alsoDeliverTo ?? [])]) {
    const endpoints = statement(
      tx,
      "select id, events from webhook_endpoints where dealer_id = ? and enabled = 1 and deleted_at is null",
    ).all(owner) as { id: string; events: string }[];
    for (const endpoint of endpoints) {
      if (
        spec.onlyEndpointId
          ? endpoint.id !== spec.onlyEndpointId
          : !matchesSubscription(JSON.parse(endpoint.events) as string[], spec.name)
      )
        continue;
      enqueueDelivery(tx, owner, id, endpoint.id, at);
      deliveries++;
    }
  }
  return { eventId: id, deliveries };
}

export function enqueueDelivery(
  tx: DbOrTx,
  dealerId: string,
  eventId: string,
  endpointId: string,
  at: Date,
): string {
  const id = newId("dlv");
  statement(
    tx,
    `insert into webhook_deliveries (id, dealer_id, event_id, endpoint_id, status, attempt_count, next_attempt_at, created_at, updated_at)
     values (?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
  ).run(id, dealerId, eventId, endpointId, at.getTime(), at.getTime(), at.getTime());
  return id;
}
