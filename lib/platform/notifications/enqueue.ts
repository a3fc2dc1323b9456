import type { DbOrTx } from "@/db/client";
import { notifications } from "@/db/schema";
import { newId } from "../ids";

export interface NotificationInput {
  channel: "email" | "sms";
  to: string;
  subject?: string;
  body: string;
}

/** Email goes out only when SMTP_URL is configured; SMS has no provider here, so it is kept unsent. */
export function canSend(channel: "email" | "sms"): boolean {
  return channel === "email" && Boolean(process.env.SMTP_URL);
}

/**
 * Writes notifications in the caller's transaction; the worker sends them after commit.
 * Returns how many can actually be sent (the rest are kept as not sent).
 */
export function enqueueNotifications(
  tx: DbOrTx,
  dealerId: string,
  items: NotificationInput[],
  subject?: { type: string; id: string },
): number {
  let sendable = 0;
  for (const n of items) {
    if (!n.to) continue;
    tx.insert(notifications)
      .values({
        id: newId("ntf"),
        dealerId,
        channel: n.channel,
        to: n.to,
        subject: n.subject ?? null,
        body: n.body,
        status: canSend(n.channel) ? "queued" : "not_sent",
        subjectType: subject?.type ?? null,
        subjectId: subject?.id ?? null,
      })
      .run();
    if (canSend(n.channel)) sendable++;
  }
  return sendable;
}
