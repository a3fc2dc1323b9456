import { portalRoute } from "@/lib/platform/http/portal-route";
import { runRead } from "@/lib/platform/read-pool/pool";

/** Results as you type on the parts search page. */
export const GET = portalRoute(({ db, actor, url }) =>
  runRead(db, "parts.search", actor, Object.fromEntries(url.searchParams)),
);
