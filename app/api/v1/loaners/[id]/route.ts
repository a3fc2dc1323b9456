import { setLoanerStatus } from "@/lib/moves/service";
import { apiRoute } from "@/lib/platform/http/api-route";

/** `{ "status": "available" | "out_of_service" }` */
export const PATCH = apiRoute(({ db, actor, params, body }) => setLoanerStatus(db, actor, params.id, body));
