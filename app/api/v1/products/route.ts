import { listProducts } from "@/lib/checkout/queries";
import { apiRoute } from "@/lib/platform/http/api-route";

export const GET = apiRoute(({ db, actor }) => listProducts(db, actor));
