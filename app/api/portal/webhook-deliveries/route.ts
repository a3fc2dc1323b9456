import { portalRoute } from "@/lib/platform/http/portal-route";
import { listDeliveries } from "@/lib/platform/webhooks/queries";

/** The delivery log for the signed-in dealer, polled by the log page. */
export const GET = portalRoute(({ db, actor, url }) =>
  listDeliveries(db, actor, Object.fromEntries(url.searchParams)),
);
