// The OEM cart contract's path under /v1 (see app/checkoutCart_oncreate_v2): served directly.
export { POST } from "@/app/api/v1/checkout-carts/route";
