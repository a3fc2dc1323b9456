import { listBrands } from "@/lib/parts/queries";
import { apiRoute } from "@/lib/platform/http/api-route";

export const GET = apiRoute(({ db, actor }) => listBrands(db, actor));
