import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { scopesForRole, type UserActor } from "../actor";
import { unauthenticated } from "../errors";
import { auth } from "./config";
import { findLiveSession } from "./sessions";

/** The signed-in user as an Actor, or null. Checks the session row on every call, so ended sessions stop at once. */
export async function currentActor(): Promise<UserActor | null> {
  const session = await auth();
  if (!session?.sid) return null;
  const live = findLiveSession(getDb(), session.sid);
  if (!live) return null;
  const { user } = live;
  return {
    kind: "user",
    userId: user.id,
    dealerId: user.dealerId,
    role: user.role,
    email: user.email,
    label: user.name,
    sessionId: live.session.id,
    scopes: scopesForRole(user.role),
  };
}

/** For pages: the signed-in actor, or a redirect to sign-in. */
export async function requireUserPage(): Promise<UserActor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For server actions and portal route handlers: the signed-in actor, or a 401 AppError. */
export async function requireUserActor(): Promise<UserActor> {
  const actor = await currentActor();
  if (!actor) throw unauthenticated("Your session has ended. Sign in again.");
  return actor;
}
