import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DataTable, RowLink } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { FilterError, FilterForm, FilterInput, FilterSelect } from "@/components/filter-form";
import { Money } from "@/components/money";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { ORDER_STATUSES } from "@/db/schema/parts";
import { accountsForBasket, listOrders } from "@/lib/parts/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { pickSearch, withFilterError } from "../../_components/list-search";

export const metadata: Metadata = { title: "Parts orders" };

const KEYS = ["orderStatus", "customerId", "q", "cursor"] as const;

export default async function PartsOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUserPage();
  if (!actor.dealerId) redirect("/parts/counter");
  const filters = pickSearch(await searchParams, KEYS);
  const db = getDb();
  const { result, filterError } = await withFilterError(() => listOrders(db, actor, filters), {
    data: [],
    nextCursor: null,
  });
  const accounts = accountsForBasket(db, actor);
  const tz = timeZoneFor(db, actor.dealerId);
  const filtered = Boolean(filters.orderStatus || filters.customerId || filters.q);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Parts orders"
        description="Trade orders with their status, derived from the status of each line."
        actions={
          <Button asChild>
            <Link href="/parts">New order</Link>
          </Button>
        }
      />
      <FilterForm
        action="/parts/orders"
        label="Filter orders"
        className="grid gap-3 sm:grid-cols-4 sm:items-end"
      >
        <FilterInput id="f-q" name="q" label="Reference or order id" value={filters.q} />
        <FilterSelect
          id="f-status"
          name="orderStatus"
          label="Status"
          value={filters.orderStatus}
          anyLabel="Any status"
          options={ORDER_STATUSES}
        />
        <FilterSelect
          id="f-account"
          name="customerId"
          label="Account"
          value={filters.customerId}
          anyLabel="Any account"
          options={accounts.map((a) => ({ value: a.customerId, label: a.companyName }))}
        />
      </FilterForm>
      <FilterError message={filterError} />
      <DataTable
        aria-label="Parts orders"
        rows={result.data}
        rowKey={(o) => o.partsOrderId}
        empty={
          <EmptyState
            title={filtered ? "No orders match these filters" : "No parts orders yet"}
            description={
              filtered
                ? "Clear the filters to see every order."
                : "Orders placed from the basket or the API appear here."
            }
          />
        }
        columns={[
          {
            header: "Order",
            cell: (o) => (
              <RowLink mono={false} href={`/parts/orders/${o.partsOrderId}`}>
                {o.orderReference ?? o.partsOrderId}
              </RowLink>
            ),
          },
          { header: "Account", cell: (o) => o.companyName },
          { header: "Type", cell: (o) => o.orderType },
          { header: "Status", cell: (o) => <StatusBadge status={o.orderStatus} /> },
          { header: "Lines", cell: (o) => o.lines.length },
          { header: "Total", cell: (o) => <Money cents={Math.round(o.totals.grossValue * 100)} /> },
          { header: "Placed", cell: (o) => <DateTime value={o.partsOrderDateTime} timeZone={tz} /> },
        ]}
      />
      <Pagination basePath="/parts/orders" searchParams={filters} nextCursor={result.nextCursor} />
    </div>
  );
}
