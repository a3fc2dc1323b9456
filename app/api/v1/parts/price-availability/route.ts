import { apiRoute } from "@/lib/platform/http/api-route";
import { runRead } from "@/lib/platform/read-pool/pool";

export const POST = apiRoute(({ db, actor, body }) => runRead(db, "parts.priceAvailability", actor, body));
