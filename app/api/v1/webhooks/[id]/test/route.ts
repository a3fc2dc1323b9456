import { ApiResult, apiRoute } from "@/lib/platform/http/api-route";
import { sendTestEvent } from "@/lib/platform/webhooks/service";

export const POST = apiRoute(
  ({ db, actor, params }) => new ApiResult(202, sendTestEvent(db, actor, params.id)),
);
