import type { Metadata } from "next";
import { FilterError } from "@/components/filter-form";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { listDealers } from "@/lib/platform/identity/dealers";
import { hasFilters, listOrdersForPage } from "../service-orders/_components/list-for-page";
import { OrderFilters, pickFilters } from "../service-orders/_components/order-filters";
import { OrdersTable } from "../service-orders/_components/orders-table";

export const metadata: Metadata = { title: "Operations" };

/**
 * The ops team's queue: service orders of every dealer, soonest estimated completion first (what
 * is due next is worked next). Open orders unless the URL says otherwise: the filter's "Any status"
 * sends an empty `status`, which means every status, not the default.
 */
export default async function OperationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUserPage();
  if (actor.role !== "ops") return <p role="alert">The operations queue is for the operations team.</p>;
  const sp = await searchParams;
  const filters = pickFilters(sp);
  const anyStatus = sp.status === "";
  if (sp.status === undefined) filters.status = "open";
  const db = getDb();
  const { result, filterError, fieldErrors } = await listOrdersForPage(db, actor, {
    ...filters,
    sort: "estimate",
  });
  // Keep "Any status" on the next page too (an absent status would mean "open" again).
  const pageParams = anyStatus ? { ...filters, status: "" } : filters;
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Operations queue"
        description="Service orders across all dealers, soonest estimated completion first. Open an order to start, delay or complete it."
      />
      <OrderFilters
        basePath="/operations"
        values={filters}
        dealers={listDealers(db).map((d) => ({ slug: d.slug, name: d.name }))}
        errors={fieldErrors}
      />
      <FilterError message={filterError} />
      <OrdersTable
        orders={result.data}
        timeZone="UTC"
        showDealer
        filtered={hasFilters(filters, sp.status === undefined ? ["status"] : [])}
        clearHref="/operations"
        emptyText="No dealer has an open service order. New orders appear here as soon as they are paid."
      />
      <Pagination basePath="/operations" searchParams={pageParams} nextCursor={result.nextCursor} />
    </div>
  );
}
