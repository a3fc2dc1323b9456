import { listSentEvents } from "@/lib/moves/queries";
import { apiRoute } from "@/lib/platform/http/api-route";

/** Catch-up list of events already sent (`?from=<ISO>&limit=&page=`). */
export const GET = apiRoute(({ db, actor, url }) =>
  listSentEvents(db, actor, Object.fromEntries(url.searchParams)),
);
