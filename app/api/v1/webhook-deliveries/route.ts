import { apiRoute } from "@/lib/platform/http/api-route";
import { listDeliveries } from "@/lib/platform/webhooks/queries";

export const GET = apiRoute(({ db, actor, url }) =>
  listDeliveries(db, actor, Object.fromEntries(url.searchParams)),
);
