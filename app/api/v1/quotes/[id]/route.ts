import { apiRoute } from "@/lib/platform/http/api-route";
import { getQuote } from "@/lib/service-orders/queries";

export const GET = apiRoute(({ db, actor, params }) => getQuote(db, actor, params.id));
