import { apiRoute } from "@/lib/platform/http/api-route";
import { getDealDetail } from "@/lib/service-orders/queries";

export const GET = apiRoute(({ db, actor, params }) => {
  const { invoice, quotes } = getDealDetail(db, actor, params.id);
  return {
    ...invoice.deal,
    quotes: quotes.map((q) => q.id),
    orders: [...invoice.lines, ...invoice.paidSeparately].map((l) => l.order),
  };
});
