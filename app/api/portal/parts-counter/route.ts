import { counterQueue } from "@/lib/parts/queries";
import { portalRoute } from "@/lib/platform/http/portal-route";

/** Polled by the parts counter's queue. */
export const GET = portalRoute(({ db, actor, url }) =>
  counterQueue(db, actor, Object.fromEntries(url.searchParams)),
);
