import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, RowLink } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterError, FilterForm, FilterSelect } from "@/components/filter-form";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { humanizeStatus, StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { FULFILLMENT_STATUSES, PAYMENT_STATUSES } from "@/db/schema";
import { listOemsFor, listPlacedOrders } from "@/lib/checkout/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { pickSearch, withFilterError } from "../../_components/list-search";
import { dollars, OemFilter, TOTAL_COLUMN, vehicleList } from "../_components/list-parts";

export const metadata: Metadata = { title: "Placed orders" };

const KEYS = ["oem", "fulfillmentStatus", "paymentStatus", "cursor"] as const;

export default async function PlacedOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUserPage();
  const filters = pickSearch(await searchParams, KEYS);
  const db = getDb();
  const { result, filterError } = await withFilterError(() => listPlacedOrders(db, actor, filters), {
    data: [],
    nextCursor: null,
  });
  const oems = listOemsFor(db, actor);
  const tz = timeZoneFor(db, actor.dealerId);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Placed orders"
        description="Orders buyers placed through hosted checkout; move them along as you fulfil them."
        actions={
          <Button asChild variant="outline">
            <Link href="/checkout">Carts and funnel</Link>
          </Button>
        }
      />
      <FilterForm
        action="/checkout/orders"
        label="Filter placed orders"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end"
        submitLabel="Apply"
      >
        <OemFilter oems={oems} value={filters.oem} />
        <FilterSelect
          id="f-fulfillment"
          name="fulfillmentStatus"
          label="Fulfillment"
          value={filters.fulfillmentStatus}
          anyLabel="Any"
          options={FULFILLMENT_STATUSES.map((s) => ({ value: s, label: humanizeStatus(s) }))}
        />
        <FilterSelect
          id="f-payment"
          name="paymentStatus"
          label="Payment"
          value={filters.paymentStatus}
          anyLabel="Any"
          options={PAYMENT_STATUSES.map((s) => ({ value: s, label: humanizeStatus(s) }))}
        />
      </FilterForm>
      <FilterError message={filterError} />
      <DataTable
        rows={result.data}
        rowKey={(o) => o.id}
        empty={
          <EmptyState
            title="No placed orders match"
            description="Orders appear here when buyers pay at hosted checkout."
          />
        }
        columns={[
          { header: "Order", cell: (o) => <RowLink href={`/checkout/orders/${o.id}`}>{o.id}</RowLink> },
          { header: "Buyer", cell: (o) => `${o.buyer.firstName} ${o.buyer.lastName}` },
          { header: "Vehicles", cell: (o) => vehicleList(o.vehicles) },
          { header: "Payment", cell: (o) => <StatusBadge status={o.paymentStatus} /> },
          { header: "Fulfillment", cell: (o) => <StatusBadge status={o.fulfillmentStatus} /> },
          { header: "Placed", dateTime: (o) => o.createdAt, timeZone: tz },
          { ...TOTAL_COLUMN, cell: (o) => dollars(o.amounts.total) },
        ]}
      />
      <Pagination basePath="/checkout/orders" searchParams={filters} nextCursor={result.nextCursor} />
    </div>
  );
}
