import { getOrderPage } from "@/lib/parts/queries";
import { portalRoute } from "@/lib/platform/http/portal-route";

/** Polled by the order page so line statuses and history stay live. */
export const GET = portalRoute(({ db, actor, params }) => getOrderPage(db, actor, params.id ?? ""));
