import { listLoaners } from "@/lib/moves/queries";
import { createLoaner } from "@/lib/moves/service";
import { apiRoute, created } from "@/lib/platform/http/api-route";

export const GET = apiRoute(({ db, actor }) => ({ data: listLoaners(db, actor) }));
export const POST = apiRoute(({ db, actor, body }) => created(createLoaner(db, actor, body)));
