import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { events, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { type Actor, requireScope } from "../actor";
import { nowMs } from "../clock";
import { invalid, notFound } from "../errors";
import { enqueueDelivery, recordChange } from "../events";
import { newId } from "../ids";
import { parseInput } from "../validation";
import { wakeWorkers } from "../wakeup";
import { webhookOwnerOf } from "./owner";
import { createEndpointSchema, updateEndpointSchema } from "./schema";
import { serializeEndpoint } from "./serialize";
import { newWebhookSecret } from "./signing";
import { checkWebhookUrl } from "./url-safety";

const SUBJECT = "webhook_endpoint";

async function assertUrl(url: string): Promise<void> {
  const why = await checkWebhookUrl(url);
  if (why) throw invalid("url", why, "url_invalid");
}

function loadEndpoint(db: DbOrTx, owner: string, id: string) {
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
  return row;
}

export async function createEndpoint(db: Db, actor: Actor, input: unknown) {
  requireScope(actor, "webhooks.write");
  const owner = webhookOwnerOf(actor);
  const data = parseInput(createEndpointSchema, input);
  await assertUrl(data.url);
  const now = new Date(nowMs());
  return db.transaction(
    (tx) => {
      const row = tx
        .insert(webhookEndpoints)
        .values({
          id: newId("whk"),
          dealerId: owner,
          url: data.url,
          description: data.description || null,
          events: data.events,
          enabled: data.enabled,
          secret: newWebhookSecret(),
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      recordChange(tx, {
        dealerId: owner,
        actor,
        subject: { type: SUBJECT, id: row.id },
        to: row.enabled ? "enabled" : "disabled",
        note: `Endpoint ${row.url} added`,
      });
      return serializeEndpoint(row, { withSecret: true });
    },
    { behavior: "immediate" },
  );
}

export async function updateEndpoint(db: Db, actor: Actor, id: string, input: unknown) {
  requireScope(actor, "webhooks.write");
  const owner = webhookOwnerOf(actor);
  loadEndpoint(db, owner, id);
  const data = parseInput(updateEndpointSchema, input);
  if (data.url !== undefined) await assertUrl(data.url);
  return db.transaction(
    (tx) => {
      const before = loadEndpoint(tx, owner, id);
      const row = tx
        .update(webhookEndpoints)
        .set({
          ...(data.url !== undefined ? { url: data.url } : {}),
          ...(data.events !== undefined ? { events: data.events } : {}),
          ...(data.description !== undefined ? { description: data.description || null } : {}),
          ...(data.enabled !== undefined
            ? { enabled: data.enabled, disabledReason: null, ...(data.enabled ? { failingSince: null } : {}) }
            : {}),
          updatedAt: new Date(nowMs()),
        })
        .where(eq(webhookEndpoints.id, id))
        .returning()
        .get();
      const status = (e: { enabled: boolean }) => (e.enabled ? "enabled" : "disabled");
      recordChange(tx, {
        dealerId: owner,
        actor,
        subject: { type: SUBJECT, id },
        from: status(before),
        to: status(row),
        note: `Updated ${Object.keys(data).join(", ")}`,
      });
      return serializeEndpoint(row);
    },
    { behavior: "immediate" },
  );
}

/** Soft delete: the delivery log keeps its history; pending deliveries are failed by the worker. */
export function deleteEndpoint(db: Db, actor: Actor, id: string) {
  requireScope(actor, "webhooks.write");
  const owner = webhookOwnerOf(actor);
  return db.transaction(
    (tx) => {
      const before = loadEndpoint(tx, owner, id);
      const now = new Date(nowMs());
      tx.update(webhookEndpoints)
        .set({ deletedAt: now, enabled: false, updatedAt: now })
        .where(eq(webhookEndpoints.id, id))
        .run();
      recordChange(tx, {
        dealerId: owner,
        actor,
        subject: { type: SUBJECT, id },
        to: "deleted",
        note: `Endpoint ${before.url} deleted`,
      });
      return { id, deleted: true };
    },
    { behavior: "immediate" },
  );
}

export function rotateEndpointSecret(db: Db, actor: Actor, id: string) {
  requireScope(actor, "webhooks.write");
  const owner = webhookOwnerOf(actor);
  return db.transaction(
    (tx) => {
      loadEndpoint(tx, owner, id);
      const row = tx
        .update(webhookEndpoints)
        .set({ secret: newWebhookSecret(), updatedAt: new Date(nowMs()) })
        .where(eq(webhookEndpoints.id, id))
        .returning()
        .get();
      recordChange(tx, {
        dealerId: owner,
        actor,
        subject: { type: SUBJECT, id },
        note: "Signing secret rotated",
      });
      return serializeEndpoint(row, { withSecret: true });
    },
    { behavior: "immediate" },
  );
}

/** Enqueues a `webhook.test` event for this one endpoint. */
export function sendTestEvent(db: Db, actor: Actor, id: string) {
  requireScope(actor, "webhooks.write");
  const owner = webhookOwnerOf(actor);
  return db.transaction(
    (tx) => {
      const endpoint = loadEndpoint(tx, owner, id);
      if (!endpoint.enabled)
        throw invalid("enabled", "Enable the endpoint before sending a test event.", "endpoint_disabled");
      const { eventId } = recordChange(tx, {
        dealerId: owner,
        actor,
        subject: { type: SUBJECT, id },
        note: "Test event sent",
        event: {
          name: "webhook.test",
          type: SUBJECT,
          data: { endpoint: id, message: "This is a test event from Forecourt." },
          onlyEndpointId: id,
        },
      });
      return { eventId: eventId as string };
    },
    { behavior: "immediate" },
  );
}

/** Sends an event again to the endpoint of one of its deliveries (same webhook-id, a new delivery). */
export function resendDelivery(db: Db, actor: Actor, deliveryId: string) {
  requireScope(actor, "webhooks.write");
  const owner = webhookOwnerOf(actor);
  const id = db.transaction(
    (tx) => {
      const delivery = tx
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.dealerId, owner)))
        .get();
      if (!delivery) throw notFound("delivery");
      loadEndpoint(tx, owner, delivery.endpointId);
      const event = tx.select({ id: events.id }).from(events).where(eq(events.id, delivery.eventId)).get();
      if (!event) throw notFound("event");
      return enqueueDelivery(tx, owner, event.id, delivery.endpointId, new Date(nowMs()));
    },
    { behavior: "immediate" },
  );
  wakeWorkers();
  return { deliveryId: id };
}
