import { listOrders } from "@/lib/parts/queries";
import { placeOrder } from "@/lib/parts/service";
import { apiRoute, created } from "@/lib/platform/http/api-route";

export const GET = apiRoute(({ db, actor, url }) =>
  listOrders(db, actor, Object.fromEntries(url.searchParams)),
);
export const POST = apiRoute(({ db, actor, body }) => created(placeOrder(db, actor, body)));
