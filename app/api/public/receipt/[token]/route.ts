import { publicTokenRoute } from "@/lib/platform/http/public-route";
import { getOrderByReceiptToken } from "@/lib/service-orders/queries";

export const dynamic = "force-dynamic";

/** Polled by the customer's receipt page (`/receipt/<token>`). */
export const GET = publicTokenRoute("service order", getOrderByReceiptToken);
