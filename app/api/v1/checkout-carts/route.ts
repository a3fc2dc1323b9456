import { createCheckoutCart } from "@/lib/checkout/service";
import { apiRoute } from "@/lib/platform/http/api-route";

/** Also served at /checkoutCart_oncreate_v2 and /checkoutCart_oncreate (next.config.js rewrites). */
export const POST = apiRoute(({ db, actor, body }) => createCheckoutCart(db, actor, body));
