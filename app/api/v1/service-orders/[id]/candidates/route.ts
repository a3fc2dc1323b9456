import { apiRoute } from "@/lib/platform/http/api-route";
import { getOrderDetail } from "@/lib/service-orders/queries";

/** Vehicles the concierge team found for a Concierge Search order. */
export const GET = apiRoute(({ db, actor, params }) => ({
  data: getOrderDetail(db, actor, params.id).candidates,
}));
