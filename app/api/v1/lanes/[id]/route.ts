import { intId } from "@/lib/moves/params";
import { getLane } from "@/lib/moves/queries";
import { apiRoute } from "@/lib/platform/http/api-route";

export const GET = apiRoute(({ db, actor, params }) => getLane(db, actor, intId(params.id, "lane")));
