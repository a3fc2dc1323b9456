import "server-only";
import type { UserActor } from "../actor";
import { requireUserActor } from "../auth/current";
import { type ApiContext, route } from "./api-route";

/** A signed-in staff endpoint (TanStack Query polling): session cookie instead of an API key. */
export function portalRoute(handler: (ctx: ApiContext<UserActor>) => unknown) {
  return route(
    () => requireUserActor(),
    (a) => a.userId,
    handler,
  );
}
