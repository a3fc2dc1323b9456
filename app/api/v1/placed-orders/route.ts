import { listPlacedOrders } from "@/lib/checkout/queries";
import { apiRoute } from "@/lib/platform/http/api-route";

export const GET = apiRoute(({ db, actor, url }) =>
  listPlacedOrders(db, actor, Object.fromEntries(url.searchParams)),
);
