import { apiRoute, apiWriteRoute } from "@/lib/platform/http/api-route";
import { listQuotes } from "@/lib/service-orders/queries";

export const GET = apiRoute(({ db, actor, url }) =>
  listQuotes(db, actor, Object.fromEntries(url.searchParams)),
);
// createQuote, on the writer thread.
export const POST = apiWriteRoute("quotes.create");
