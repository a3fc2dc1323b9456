import { intId } from "@/lib/moves/params";
import { getBookingForMove } from "@/lib/moves/queries";
import { portalRoute } from "@/lib/platform/http/portal-route";

/** Polled by the booking page so its legs and timeline stay live. */
export const GET = portalRoute(({ db, actor, params }) =>
  getBookingForMove(db, actor, intId(params.id, "move")),
);
