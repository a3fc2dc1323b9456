import { apiRoute, created } from "@/lib/platform/http/api-route";
import { listEndpoints } from "@/lib/platform/webhooks/queries";
import { createEndpoint } from "@/lib/platform/webhooks/service";

export const GET = apiRoute(({ db, actor }) => ({ data: listEndpoints(db, actor), nextCursor: null }));
export const POST = apiRoute(async ({ db, actor, body }) => created(await createEndpoint(db, actor, body)));
