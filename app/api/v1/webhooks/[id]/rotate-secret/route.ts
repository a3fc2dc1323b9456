import { apiRoute } from "@/lib/platform/http/api-route";
import { rotateEndpointSecret } from "@/lib/platform/webhooks/service";

export const POST = apiRoute(({ db, actor, params }) => rotateEndpointSecret(db, actor, params.id));
