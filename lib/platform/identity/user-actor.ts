import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { scopesForRole, type UserActor } from "../actor";

/**
 * A signed-in user's actor, built without a session: for the demo seed, whose history should name
 * the people who sign in to the demo ("Olga Ops dispatched…"), not a system account.
 */
export function userActorByEmail(db: Db, email: string): UserActor | null {
  const u = db.select().from(users).where(eq(users.email, email)).get();
  if (!u) return null;
  return {
    kind: "user",
    userId: u.id,
    role: u.role,
    sessionId: "demo-seed",
    email: u.email,
    scopes: scopesForRole(u.role),
    dealerId: u.dealerId,
    label: u.name,
  };
}
