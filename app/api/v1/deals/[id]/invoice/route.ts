import { apiRoute } from "@/lib/platform/http/api-route";
import { dealInvoice } from "@/lib/service-orders/queries";

export const GET = apiRoute(({ db, actor, params }) => dealInvoice(db, actor, params.id));
