import { apiRoute } from "@/lib/platform/http/api-route";
import { getEvent } from "@/lib/platform/webhooks/queries";

export const GET = apiRoute(({ db, actor, params }) => getEvent(db, actor, params.id));
