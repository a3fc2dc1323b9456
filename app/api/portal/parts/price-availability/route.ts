import { priceAvailability } from "@/lib/parts/queries";
import { portalRoute } from "@/lib/platform/http/portal-route";

/** The basket's live prices and availability for the chosen trade account. */
export const POST = portalRoute(({ db, actor, body }) => priceAvailability(db, actor, body));
