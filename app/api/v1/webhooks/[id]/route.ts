import { apiRoute } from "@/lib/platform/http/api-route";
import { getEndpoint } from "@/lib/platform/webhooks/queries";
import { deleteEndpoint, updateEndpoint } from "@/lib/platform/webhooks/service";

export const GET = apiRoute(({ db, actor, params }) => getEndpoint(db, actor, params.id));
export const PATCH = apiRoute(({ db, actor, params, body }) => updateEndpoint(db, actor, params.id, body));
export const DELETE = apiRoute(({ db, actor, params }) => deleteEndpoint(db, actor, params.id));
