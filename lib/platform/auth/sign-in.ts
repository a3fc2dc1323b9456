import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type User, users } from "@/db/schema";
import { dummyPasswordHash, verifyPassword } from "./password";
import { checkLoginGate, recordLoginAttempt } from "./rate-limit";
import { createSession } from "./sessions";

export type SignInResult =
  | { ok: true; user: User; sessionId: string }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks a password sign-in. Unknown accounts, disabled accounts and wrong passwords look the same
 * from outside (same answer, and a hash is verified either way so timing matches).
 */
export async function authenticateWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string; userAgent?: string },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const gate = checkLoginGate(db, email, input.ip);
  if (!gate.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: gate.retryAfterSeconds };

  const user = db.select().from(users).where(eq(users.email, email)).get();
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const ok = Boolean(user && valid && !user.disabledAt);
  recordLoginAttempt(db, email, input.ip, ok);
  if (!ok || !user) return { ok: false, reason: "invalid_credentials" };
  return {
    ok: true,
    user,
    sessionId: createSession(db, user.id, { ip: input.ip, userAgent: input.userAgent }),
  };
}
