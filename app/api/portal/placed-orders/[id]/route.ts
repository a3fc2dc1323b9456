import { getPlacedOrderDetail } from "@/lib/checkout/queries";
import { portalRoute } from "@/lib/platform/http/portal-route";

/** Polled by the placed order page so statuses and history stay live. */
export const GET = portalRoute(({ db, actor, params }) => getPlacedOrderDetail(db, actor, params.id));
