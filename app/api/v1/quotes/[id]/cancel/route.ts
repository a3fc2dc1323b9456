import { apiRoute } from "@/lib/platform/http/api-route";
import { cancelQuote } from "@/lib/service-orders/service";

export const POST = apiRoute(({ db, actor, params, body }) => cancelQuote(db, actor, params.id, body));
