import { apiRoute, created } from "@/lib/platform/http/api-route";
import { createDeal } from "@/lib/service-orders/deals";
import { listDeals } from "@/lib/service-orders/queries";

export const GET = apiRoute(({ db, actor, url }) =>
  listDeals(db, actor, Object.fromEntries(url.searchParams)),
);
export const POST = apiRoute(({ db, actor, body }) => created(createDeal(db, actor, body)));
