import { apiRoute } from "@/lib/platform/http/api-route";
import { runRead } from "@/lib/platform/read-pool/pool";

export const GET = apiRoute(({ db, actor, url }) =>
  runRead(db, "parts.search", actor, Object.fromEntries(url.searchParams)),
);
