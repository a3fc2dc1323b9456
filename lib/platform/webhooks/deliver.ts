import { and, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { events, users, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { nowMs } from "../clock";
import { enqueueNotifications } from "../notifications/enqueue";
import { isOemOwner } from "./owner";
import { DISABLE_AFTER_FAILING_MS, nextRetryDelay, parseRetryAfter } from "./retry-schedule";
import { webhookHeaders } from "./signing";
import { httpTransport, type Transport } from "./transport";

/** A worker owns a claimed delivery this long; if it dies, another takes over after the lease. */
export const LEASE_MS = 60_000;

/**
 * Claims up to `limit` due deliveries by setting their lease in one immediate transaction, so two
 * workers (or two processes) never send the same attempt.
 */
export function claimDueDeliveries(db: Db, limit = 20): string[] {
  const now = nowMs();
  return db.transaction(
    (tx) => {
      const due = tx
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.status, "pending"),
            lte(webhookDeliveries.nextAttemptAt, new Date(now)),
            or(isNull(webhookDeliveries.lockedUntil), lt(webhookDeliveries.lockedUntil, new Date(now))),
          ),
        )
        .orderBy(webhookDeliveries.nextAttemptAt)
        .limit(limit)
        .all()
        .map((r) => r.id);
      if (due.length) {
        tx.update(webhookDeliveries)
          .set({ lockedUntil: new Date(now + LEASE_MS) })
          .where(inArray(webhookDeliveries.id, due))
          .run();
      }
      return due;
    },
    { behavior: "immediate" },
  );
}

function isSuccess(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}

function describeFailure(status: number | null, error: string | null): string {
  if (error) return error;
  if (status !== null && status >= 300 && status < 400) return `Redirect (${status}) not followed`;
  return `HTTP ${status}`;
}

/** Sends one claimed delivery and records the attempt, the next retry and the endpoint's health. */
export async function attemptDelivery(
  db: Db,
  deliveryId: string,
  transport: Transport = httpTransport,
): Promise<void> {
  const row = db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, event: events })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, deliveryId))
    .get();
  if (row?.delivery.status !== "pending") return;
  const { delivery, endpoint, event } = row;

  if (!endpoint.enabled || endpoint.deletedAt) {
    db.update(webhookDeliveries)
      .set({
        status: "failed",
        lockedUntil: null,
        lastError: endpoint.deletedAt ? "Endpoint deleted" : "Endpoint disabled",
        updatedAt: new Date(nowMs()),
      })
      .where(eq(webhookDeliveries.id, deliveryId))
      .run();
    return;
  }

  const body = JSON.stringify(event.payload);
  const attemptedAt = nowMs();
  const headers = webhookHeaders(endpoint.secret, event.id, Math.floor(attemptedAt / 1000), body);
  const result = await transport(endpoint.url, headers, body);
  const now = nowMs();
  const ok = isSuccess(result.status);
  const attemptNumber = delivery.attemptCount + 1;

  db.transaction(
    (tx) => {
      tx.insert(webhookAttempts)
        .values({
          deliveryId,
          dealerId: delivery.dealerId,
          attemptNumber,
          at: new Date(attemptedAt),
          httpStatus: result.status,
          latencyMs: result.latencyMs,
          responseExcerpt: result.excerpt,
          error: ok ? null : describeFailure(result.status, result.error),
          succeeded: ok,
        })
        .run();

      if (ok) {
        tx.update(webhookDeliveries)
          .set({
            status: "succeeded",
            attemptCount: attemptNumber,
            lockedUntil: null,
            nextAttemptAt: null,
            lastHttpStatus: result.status,
            lastError: null,
            updatedAt: new Date(now),
          })
          .where(eq(webhookDeliveries.id, deliveryId))
          .run();
        tx.update(webhookEndpoints)
          .set({ failingSince: null })
          .where(eq(webhookEndpoints.id, endpoint.id))
          .run();
        return;
      }

      const gone = result.status === 410;
      const delay = gone
        ? null
        : nextRetryDelay(attemptNumber, { retryAfterMs: parseRetryAfter(result.retryAfter, now) });
      tx.update(webhookDeliveries)
        .set({
          status: delay === null ? "failed" : "pending",
          attemptCount: attemptNumber,
          lockedUntil: null,
          nextAttemptAt: delay === null ? null : new Date(now + delay),
          lastHttpStatus: result.status,
          lastError: describeFailure(result.status, result.error),
          updatedAt: new Date(now),
        })
        .where(eq(webhookDeliveries.id, deliveryId))
        .run();

      const failingSince = endpoint.failingSince?.getTime() ?? now;
      if (!endpoint.failingSince) {
        tx.update(webhookEndpoints)
          .set({ failingSince: new Date(now) })
          .where(eq(webhookEndpoints.id, endpoint.id))
          .run();
      }
      if (gone) disableEndpoint(tx, endpoint, "The endpoint answered 410 Gone.", now);
      else if (now - failingSince >= DISABLE_AFTER_FAILING_MS) {
        disableEndpoint(tx, endpoint, "Every delivery failed for 5 days.", now);
      }
    },
    { behavior: "immediate" },
  );
}

function disableEndpoint(
  tx: Tx,
  endpoint: typeof webhookEndpoints.$inferSelect,
  reason: string,
  now: number,
): void {
  tx.update(webhookEndpoints)
    .set({ enabled: false, disabledReason: reason, updatedAt: new Date(now) })
    .where(eq(webhookEndpoints.id, endpoint.id))
    .run();
  // A dealer's endpoint: its admins hear of it. An OEM's (owner.ts): the OEM has no portal users,
  // so the ops team, who manage the OEM's configuration, do.
  const ownedByOem = isOemOwner(endpoint.dealerId);
  const admins = tx
    .select({ email: users.email })
    .from(users)
    .where(
      and(
        ownedByOem ? eq(users.role, "ops") : eq(users.dealerId, endpoint.dealerId),
        ownedByOem ? undefined : eq(users.role, "admin"),
        isNull(users.disabledAt),
      ),
    )
    .all();
  enqueueNotifications(
    tx,
    endpoint.dealerId,
    admins.map((a) => ({
      channel: "email" as const,
      to: a.email,
      subject: "Forecourt disabled a webhook endpoint",
      body: ownedByOem
        ? `Forecourt stopped sending an OEM's webhooks to ${endpoint.url}. ${reason}\nThe OEM can re-enable it through the API once it answers again.`
        : `Forecourt stopped sending webhooks to ${endpoint.url}. ${reason}\nRe-enable it under Webhooks once it answers again.`,
    })),
    { type: "webhook_endpoint", id: endpoint.id },
  );
}

/** One pass: claim what is due and send it (a few at a time). Returns how many were attempted. */
export async function deliverDueWebhooks(db: Db, transport: Transport = httpTransport): Promise<number> {
  const ids = claimDueDeliveries(db);
  await Promise.all(ids.map((id) => attemptDelivery(db, id, transport)));
  return ids.length;
}
