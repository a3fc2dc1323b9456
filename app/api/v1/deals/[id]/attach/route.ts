import { apiRoute } from "@/lib/platform/http/api-route";
import { attachToDeal } from "@/lib/service-orders/deals";

export const POST = apiRoute(({ db, actor, params, body }) => attachToDeal(db, actor, params.id, body));
