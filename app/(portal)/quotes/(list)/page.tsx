import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, RowLink } from "@/components/data-table";
import { FilterForm, FilterSelect } from "@/components/filter-form";
import { ListEmpty } from "@/components/list-empty";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { humanizeStatus, StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { withRequestOrigin } from "@/lib/platform/origin";
import { listQuotes } from "@/lib/service-orders/queries";

export const metadata: Metadata = { title: "Quotes" };

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const STATUSES = ["awaiting-payment", "paid", "expired", "canceled"];
const QUOTE_TYPES = [
  { value: "reconditioning", label: "Reconditioning" },
  { value: "concierge", label: "Concierge" },
];

export default async function QuotesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireUserPage();
  const sp = await searchParams;
  const filters = {
    status: STATUSES.includes(sp.status ?? "") ? sp.status : undefined,
    type: sp.type === "reconditioning" || sp.type === "concierge" ? sp.type : undefined,
    cursor: sp.cursor || undefined,
  };
  const db = getDb();
  const { data, nextCursor } = await withRequestOrigin(() => loadOr404(() => listQuotes(db, actor, filters)));
  const tz = timeZoneFor(db, actor.dealerId);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Quotes"
        description="Priced work waiting for payment, and what was paid."
        actions={
          <Button asChild>
            <Link href="/quotes/new">New quote</Link>
          </Button>
        }
      />
      <FilterForm
        label="Filter quotes"
        className="flex flex-wrap items-end gap-3"
        submitLabel="Apply"
        action="/quotes"
        card={false}
      >
        <FilterSelect
          id="q-status"
          name="status"
          label="Status"
          value={filters.status}
          anyLabel="Any status"
          options={STATUSES.map((s) => ({ value: s, label: humanizeStatus(s) }))}
        />
        <FilterSelect
          id="q-type"
          name="type"
          label="Type"
          value={filters.type}
          anyLabel="Any type"
          options={QUOTE_TYPES}
        />
      </FilterForm>
      <DataTable
        rows={data}
        rowKey={(q) => q.id}
        empty={
          <ListEmpty
            filtered={Boolean(filters.status || filters.type)}
            clearHref="/quotes"
            noMatch={{ title: "No quotes match these filters", description: "Try another status or type." }}
            none={{
              title: "No quotes yet",
              description:
                "Create a quote for reconditioning or concierge work; the customer pays it through its link.",
            }}
          />
        }
        columns={[
          { header: "Quote", cell: (q) => <RowLink href={`/quotes/${q.id}`}>{q.id}</RowLink> },
          {
            header: "Type",
            cell: (q) => (q.type === "reconditioning" ? "Reconditioning" : `Concierge ${q.services[0]}`),
          },
          { header: "Vehicle", className: "font-mono text-xs", cell: (q) => q.vin ?? "—" },
          { header: "Status", cell: (q) => <StatusBadge status={q.status} /> },
          { header: "Created", dateTime: (q) => q.createdAt, timeZone: tz },
          {
            header: "Total",
            headClassName: "text-right",
            className: "text-right",
            cell: (q) => usd.format(q.total),
          },
        ]}
      />
      <Pagination basePath="/quotes" searchParams={filters} nextCursor={nextCursor} />
    </div>
  );
}
