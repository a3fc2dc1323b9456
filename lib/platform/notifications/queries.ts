import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { type Actor, dealerOf, requireScope } from "../actor";
import { afterCursor, page } from "../pagination";
import { parseInput } from "../validation";

export const outboxFiltersSchema = z.object({
  channel: z.enum(["email", "sms"]).optional(),
  status: z.enum(["queued", "sent", "failed", "not_sent"]).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function listNotifications(db: Db, actor: Actor, raw: unknown) {
  requireScope(actor, "events.read");
  const dealerId = dealerOf(actor);
  const f = parseInput(outboxFiltersSchema, raw);
  const rows = db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.dealerId, dealerId),
        f.channel ? eq(notifications.channel, f.channel) : undefined,
        f.status ? eq(notifications.status, f.status) : undefined,
        afterCursor(f.cursor, notifications.createdAt, notifications.id),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(f.limit + 1)
    .all();
  return page(rows, f.limit);
}
