import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/platform/actor";
import { toDollars } from "@/lib/platform/money";
import { SERVICE_CATALOG } from "@/lib/service-orders/catalog";
import { listDeals } from "@/lib/service-orders/queries";
import type { DealOption, ServiceOption } from "./quote-forms";

export const reconServiceOptions = (): ServiceOption[] =>
  SERVICE_CATALOG.filter((c) => c.kind === "reconditioning").map((c) => ({
    code: c.code,
    name: c.name,
    description: c.description,
    price: toDollars(c.priceCents),
    hours: Math.round(c.durationMinutes / 60),
  }));

/** The dealer's latest deals for pickers. */
export function dealOptions(db: Db, actor: Actor): DealOption[] {
  return listDeals(db, actor, { limit: 100 }).data.map((d) => ({
    id: d.id,
    label: `${d.customer.name}${d.vehicle?.make ? ` · ${[d.vehicle.year, d.vehicle.make, d.vehicle.model].filter(Boolean).join(" ")}` : ""} (${d.id})`,
  }));
}
