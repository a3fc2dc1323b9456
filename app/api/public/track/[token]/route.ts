import { getTrackingView } from "@/lib/moves/queries";
import { publicTokenRoute } from "@/lib/platform/http/public-route";

export const dynamic = "force-dynamic";

/** Polled by the customer's tracking page (`/track/<token>`). */
export const GET = publicTokenRoute("tracking link", getTrackingView);
