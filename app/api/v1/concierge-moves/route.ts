import { bookConcierge } from "@/lib/moves/service";
import { apiRoute } from "@/lib/platform/http/api-route";

export const POST = apiRoute(({ db, actor, body }) => bookConcierge(db, actor, body));
