import { portalRoute } from "@/lib/platform/http/portal-route";
import { runRead } from "@/lib/platform/read-pool/pool";

/** The basket's live prices and availability for the chosen trade account. */
export const POST = portalRoute(({ db, actor, body }) => runRead(db, "parts.priceAvailability", actor, body));
