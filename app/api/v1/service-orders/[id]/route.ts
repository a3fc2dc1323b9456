import { apiRoute } from "@/lib/platform/http/api-route";
import { getOrder } from "@/lib/service-orders/queries";
import { updateOrder } from "@/lib/service-orders/service";

export const GET = apiRoute(({ db, actor, params }) => getOrder(db, actor, params.id));
export const PATCH = apiRoute(({ db, actor, params, body }) => updateOrder(db, actor, params.id, body));
