import { and, asc, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { loginAttempts } from "@/db/schema";
import { nowMs } from "../clock";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILED_LOGINS = 10;

export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Seconds until the oldest failure that keeps the count at the limit leaves the window. */
function gateFor(failures: { at: Date }[], now: number): LoginGate {
  if (failures.length < MAX_FAILED_LOGINS) return { allowed: true };
  const pivot = failures[failures.length - MAX_FAILED_LOGINS];
  const retryAt = pivot.at.getTime() + LOGIN_WINDOW_MS;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now) / 1000)) };
}

/** At most 10 failed sign-ins per account and per IP address in any 15 minutes. */
export function checkLoginGate(db: DbOrTx, email: string, ip: string): LoginGate {
  const now = nowMs();
  const since = new Date(now - LOGIN_WINDOW_MS);
  const byEmail = db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(
      and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)),
    )
    .orderBy(asc(loginAttempts.at))
    .all();
  const byIp = db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)))
    .orderBy(asc(loginAttempts.at))
    .all();
  const gates = [gateFor(byEmail, now), gateFor(byIp, now)];
  const blocked = gates.filter((g) => !g.allowed) as { allowed: false; retryAfterSeconds: number }[];
  if (blocked.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(...blocked.map((g) => g.retryAfterSeconds)) };
}

export function recordLoginAttempt(db: DbOrTx, email: string, ip: string, succeeded: boolean): void {
  db.insert(loginAttempts)
    .values({ email, ip, succeeded, at: new Date(nowMs()) })
    .run();
}

export function describeRetry(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "in a minute" : `in ${minutes} minutes`;
}
