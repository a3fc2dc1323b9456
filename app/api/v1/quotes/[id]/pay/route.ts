import { apiRoute } from "@/lib/platform/http/api-route";
import { payQuoteOnAccount } from "@/lib/service-orders/service";

export const POST = apiRoute(({ db, actor, params, body }) => payQuoteOnAccount(db, actor, params.id, body));
