import type { Metadata } from "next";
import { FilterError } from "@/components/filter-form";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { listDealers } from "@/lib/platform/identity/dealers";
import { listOrdersForPage } from "../service-orders/_components/list-for-page";
import { OrderFilters, pickFilters } from "../service-orders/_components/order-filters";
import { OrdersTable } from "../service-orders/_components/orders-table";

export const metadata: Metadata = { title: "Operations" };

/** The ops team's queue: open service orders of every dealer, oldest estimate first to see. */
export default async function OperationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUserPage();
  if (actor.role !== "ops") return <p role="alert">The operations queue is for the operations team.</p>;
  const sp = await searchParams;
  const filters = pickFilters(sp);
  if (!sp.status) filters.status = "open";
  const db = getDb();
  const { result, filterError } = await listOrdersForPage(db, actor, filters);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Operations queue"
        description="Service orders across all dealers. Open an order to start, delay or complete it."
      />
      <OrderFilters
        basePath="/operations"
        values={filters}
        dealers={listDealers(db).map((d) => ({ slug: d.slug, name: d.name }))}
      />
      <FilterError message={filterError} />
      <OrdersTable orders={result.data} timeZone="UTC" showDealer />
      <Pagination basePath="/operations" searchParams={filters} nextCursor={result.nextCursor} />
    </div>
  );
}
