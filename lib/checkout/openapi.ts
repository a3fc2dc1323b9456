import type { ApiOperation } from "@/lib/platform/openapi/document";
import { createCartSchema, patchPlacedOrderSchema, placedOrderFiltersSchema } from "./schema";

const tag = "Checkout";

export const checkoutOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/checkout-carts",
    summary:
      "Post an OEM cart; answers { checkoutUrl, checkoutCartId, message } (also at /checkoutCart_oncreate_v2 and /checkoutCart_oncreate). OEM API key.",
    tag,
    scope: "checkout_carts.write",
    body: createCartSchema,
  },
  {
    method: "get",
    path: "/api/v1/checkout-carts/{id}",
    summary: "Get a cart (the OEM's key, or the fulfilling dealer's)",
    tag,
    scope: "checkout_carts.read",
  },
  {
    method: "get",
    path: "/api/v1/products",
    summary: "The OEM's products with every variantConfigId (OEM API key)",
    tag,
    scope: "products.read",
  },
  {
    method: "get",
    path: "/api/v1/placed-orders",
    summary: "Placed orders (the OEM's, or the fulfilling dealer's)",
    tag,
    scope: "placed_orders.read",
    query: placedOrderFiltersSchema,
  },
  {
    method: "get",
    path: "/api/v1/placed-orders/{id}",
    summary: "Get a placed order with its metadata, payment and fulfillment status",
    tag,
    scope: "placed_orders.read",
  },
  {
    method: "patch",
    path: "/api/v1/placed-orders/{id}",
    summary:
      "Move fulfillment or payment status along its lifecycle (fulfilling dealer; 409 when not allowed)",
    tag,
    scope: "placed_orders.write",
    body: patchPlacedOrderSchema,
  },
];
