import { searchParts } from "@/lib/parts/queries";
import { portalRoute } from "@/lib/platform/http/portal-route";

/** Results as you type on the parts search page. */
export const GET = portalRoute(({ db, actor, url }) =>
  searchParts(db, actor, Object.fromEntries(url.searchParams)),
);
