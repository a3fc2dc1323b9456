import { portalRoute } from "@/lib/platform/http/portal-route";
import { getOrderDetail } from "@/lib/service-orders/queries";

/** Polled by the order page so its timeline stays live. */
export const GET = portalRoute(({ db, actor, params }) => getOrderDetail(db, actor, params.id));
