import { updateOrderLine } from "@/lib/parts/service";
import { apiRoute } from "@/lib/platform/http/api-route";

export const PATCH = apiRoute(({ db, actor, params, body }) =>
  updateOrderLine(db, actor, params.id ?? "", params.lineId ?? "", body),
);
