import type { UserActor } from "@/lib/platform/actor";

/**
 * Stands in for lib/platform/auth/current in server-action tests, which have no session cookie:
 * each test says who is signed in. Use it as the module's mock:
 *
 *   vi.mock("@/lib/platform/auth/current", () => import("@/lib/testing/signed-in"));
 */
let signedIn: UserActor | null = null;

export function signInAs(actor: UserActor | null): void {
  signedIn = actor;
}

export async function requireUserActor(): Promise<UserActor> {
  if (!signedIn) throw new Error("not signed in");
  return signedIn;
}

export async function currentActor(): Promise<UserActor | null> {
  return signedIn;
}
