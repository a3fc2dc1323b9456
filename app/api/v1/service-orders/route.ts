import { apiRoute, created } from "@/lib/platform/http/api-route";
import { listOrders } from "@/lib/service-orders/queries";
import { createDirectOrder } from "@/lib/service-orders/service";

export const GET = apiRoute(({ db, actor, url }) =>
  listOrders(db, actor, Object.fromEntries(url.searchParams)),
);
export const POST = apiRoute(({ db, actor, body }) => created(createDirectOrder(db, actor, body)));
