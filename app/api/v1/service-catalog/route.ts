import { apiRoute } from "@/lib/platform/http/api-route";
import { toDollars } from "@/lib/platform/money";
import { SERVICE_CATALOG } from "@/lib/service-orders/catalog";

export const GET = apiRoute(() => ({
  data: SERVICE_CATALOG.map((c) => ({
    code: c.code,
    kind: c.kind,
    name: c.name,
    description: c.description,
    price: toDollars(c.priceCents),
    durationMinutes: c.durationMinutes,
  })),
}));
