import { getCheckoutCart } from "@/lib/checkout/service";
import { apiRoute } from "@/lib/platform/http/api-route";

export const GET = apiRoute(({ db, actor, params }) => getCheckoutCart(db, actor, params.id));
