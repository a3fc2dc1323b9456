import { and, eq, gt, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { nowMs } from "../clock";
import { newId } from "../ids";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function createSession(db: DbOrTx, userId: string, meta: { ip?: string; userAgent?: string }): string {
  const id = newId("sess");
  db.insert(sessions)
    .values({
      id,
      userId,
      expiresAt: new Date(nowMs() + SESSION_TTL_MS),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .run();
  return id;
}

/** The session and its user, if the session still exists, has not expired and the user is enabled. */
export function findLiveSession(db: DbOrTx, sessionId: string) {
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date(nowMs()))))
    .get();
  if (!row || row.user.disabledAt) return null;
  return row;
}

export function endSession(db: DbOrTx, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user, optionally keeping the one making the change. */
export function endUserSessions(db: DbOrTx, userId: string, keepSessionId?: string): void {
  db.delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
        : eq(sessions.userId, userId),
    )
    .run();
}
