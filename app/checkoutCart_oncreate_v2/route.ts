/**
 * The OEM cart contract's own path (the source document names it with a trailing slash, which Next
 * answers with a 308 to this path, method and body kept). A route file rather than a rewrite, so
 * the request takes one pass through the router.
 */
export { POST } from "@/app/api/v1/checkout-carts/route";
