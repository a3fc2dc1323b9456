import { intId } from "@/lib/moves/params";
import { getMove, patchMove } from "@/lib/moves/service";
import { apiRoute } from "@/lib/platform/http/api-route";

export const GET = apiRoute(({ db, actor, params }) => getMove(db, actor, intId(params.id, "move")));
export const PATCH = apiRoute(({ db, actor, params, body }) =>
  patchMove(db, actor, intId(params.id, "move"), body),
);
