"use server";

import { getDb } from "@/db/client";
import { signOut } from "@/lib/platform/auth/config";
import { currentActor } from "@/lib/platform/auth/current";
import { endSession } from "@/lib/platform/auth/sessions";

/** Ends this session server-side (the row goes), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const actor = await currentActor();
  if (actor) endSession(getDb(), actor.sessionId);
  await signOut({ redirectTo: "/login" });
}
