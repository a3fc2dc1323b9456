import { apiRoute, created } from "@/lib/platform/http/api-route";
import { createBuyQuoteFromCandidate } from "@/lib/service-orders/service";

export const POST = apiRoute(({ db, actor, params, body }) =>
  created(createBuyQuoteFromCandidate(db, actor, params.id, body)),
);
