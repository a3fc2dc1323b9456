import { apiRoute, created } from "@/lib/platform/http/api-route";
import { listQuotes } from "@/lib/service-orders/queries";
import { createQuote } from "@/lib/service-orders/service";

export const GET = apiRoute(({ db, actor, url }) =>
  listQuotes(db, actor, Object.fromEntries(url.searchParams)),
);
export const POST = apiRoute(({ db, actor, body }) => created(createQuote(db, actor, body)));
