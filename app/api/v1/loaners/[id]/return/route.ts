import { markLoanerReturned } from "@/lib/moves/service";
import { apiRoute } from "@/lib/platform/http/api-route";

export const POST = apiRoute(({ db, actor, params }) => markLoanerReturned(db, actor, params.id));
