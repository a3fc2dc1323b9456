import type { Metadata } from "next";
import Link from "next/link";
import { FilterError } from "@/components/filter-form";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { hasFilters, listOrdersForPage } from "../_components/list-for-page";
import { OrderFilters, pickFilters } from "../_components/order-filters";
import { OrdersTable } from "../_components/orders-table";

export const metadata: Metadata = { title: "Service orders" };

export default async function ServiceOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUserPage();
  const filters = pickFilters(await searchParams);
  const db = getDb();
  const { result, filterError, fieldErrors } = await listOrdersForPage(db, actor, filters);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Service orders"
        description="Reconditioning and concierge work for your vehicles, from quote to completion."
        actions={
          <>
            <Button asChild>
              <Link href="/quotes/new">New quote</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/service-orders/new">Place order</Link>
            </Button>
          </>
        }
      />
      <OrderFilters basePath="/service-orders" values={filters} errors={fieldErrors} />
      <FilterError message={filterError} />
      <OrdersTable
        orders={result.data}
        timeZone={timeZoneFor(db, actor.dealerId)}
        filtered={hasFilters(filters)}
        clearHref="/service-orders"
      />
      <Pagination basePath="/service-orders" searchParams={filters} nextCursor={result.nextCursor} />
    </div>
  );
}
