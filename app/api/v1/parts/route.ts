import { searchParts } from "@/lib/parts/queries";
import { apiRoute } from "@/lib/platform/http/api-route";

export const GET = apiRoute(({ db, actor, url }) =>
  searchParts(db, actor, Object.fromEntries(url.searchParams)),
);
