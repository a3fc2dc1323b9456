import { priceAvailability } from "@/lib/parts/queries";
import { apiRoute } from "@/lib/platform/http/api-route";

export const POST = apiRoute(({ db, actor, body }) => priceAvailability(db, actor, body));
