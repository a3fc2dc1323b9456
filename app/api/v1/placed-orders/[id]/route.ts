import { getPlacedOrder, updatePlacedOrder } from "@/lib/checkout/service";
import { apiRoute } from "@/lib/platform/http/api-route";

export const GET = apiRoute(({ db, actor, params }) => getPlacedOrder(db, actor, params.id));
export const PATCH = apiRoute(({ db, actor, params, body }) => updatePlacedOrder(db, actor, params.id, body));
