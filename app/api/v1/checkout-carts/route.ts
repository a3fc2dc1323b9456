import { apiWriteRoute } from "@/lib/platform/http/api-route";

/**
 * createCheckoutCart, on the writer thread. Also served at /checkoutCart_oncreate_v2 and
 * /checkoutCart_oncreate (their own route files re-export this handler).
 */
export const POST = apiWriteRoute("checkout.createCart");
