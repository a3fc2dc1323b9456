import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, RowLink } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterError, FilterForm, FilterSelect } from "@/components/filter-form";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { ABANDON_AFTER_DAYS } from "@/lib/checkout/funnel";
import { cartFunnel, cartSources, listCarts, listOemsFor } from "@/lib/checkout/queries";
import { US_STATES } from "@/lib/checkout/states";
import { requireUserPage } from "@/lib/platform/auth/current";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { withRequestOrigin } from "@/lib/platform/origin";
import { pickSearch, withFilterError } from "../_components/list-search";
import { dollars, OemFilter, TOTAL_COLUMN, vehicleList } from "./_components/list-parts";

export const metadata: Metadata = { title: "Checkout carts" };

const KEYS = ["oem", "source", "state", "status", "cursor"] as const;

const CART_STATUS_OPTIONS = [
  { value: "created", label: "Created (not opened)" },
  { value: "opened", label: "Opened" },
  { value: "placed", label: "Placed" },
  { value: "abandoned", label: "Abandoned" },
];

/** Carts OEMs posted for this dealer (ops: every dealer), with the funnel over the same filters. */
export default async function CheckoutCartsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUserPage();
  const filters = pickSearch(await searchParams, KEYS);
  const db = getDb();
  const { result, filterError } = await withFilterError(
    () =>
      withRequestOrigin(() => ({
        carts: listCarts(db, actor, filters),
        funnel: cartFunnel(db, actor, { ...filters, status: undefined, cursor: undefined }),
      })),
    { carts: { data: [], nextCursor: null }, funnel: { created: 0, opened: 0, placed: 0, abandoned: 0 } },
  );
  const oems = listOemsFor(db, actor);
  const sources = cartSources(db, actor);
  const tz = timeZoneFor(db, actor.dealerId);
  const { funnel, carts } = result;
  const pct = (n: number) => (funnel.created ? `${Math.round((n / funnel.created) * 100)}% of created` : "—");
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Checkout carts"
        description="Carts OEM web shops send here for hosted checkout, from link to placed order."
        actions={
          <>
            <Button asChild>
              <Link href="/checkout/orders">Placed orders</Link>
            </Button>
            {actor.role === "ops" ? (
              <Button asChild variant="outline">
                <Link href="/checkout/oems">OEM configuration</Link>
              </Button>
            ) : null}
          </>
        }
      />
      <section aria-label="Funnel" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {(
          [
            ["Created", funnel.created, "Carts posted by the OEM"],
            ["Opened", funnel.opened, pct(funnel.opened)],
            ["Placed", funnel.placed, pct(funnel.placed)],
            ["Abandoned", funnel.abandoned, `Opened, no order for ${ABANDON_AFTER_DAYS}+ days`],
          ] as const
        ).map(([label, n, hint]) => (
          <Card key={label} className="gap-1 py-4">
            <CardContent className="grid gap-1">
              <p className="text-sm text-muted-foreground">{label}</p>
              <p
                className="text-2xl font-semibold tabular-nums"
                data-testid={`funnel-${label.toLowerCase()}`}
              >
                {n}
              </p>
              <p className="text-xs text-muted-foreground">{hint}</p>
            </CardContent>
          </Card>
        ))}
      </section>
      <FilterForm
        action="/checkout"
        label="Filter carts"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
        submitLabel="Apply"
      >
        <OemFilter oems={oems} value={filters.oem} />
        <FilterSelect
          id="f-source"
          name="source"
          label="Source"
          value={filters.source}
          anyLabel="Any source"
          options={sources}
        />
        <FilterSelect
          id="f-state"
          name="state"
          label="Registration state"
          value={filters.state}
          anyLabel="Any state"
          options={US_STATES}
        />
        <FilterSelect
          id="f-status"
          name="status"
          label="Status"
          value={filters.status}
          anyLabel="Any status"
          options={CART_STATUS_OPTIONS}
        />
      </FilterForm>
      <FilterError message={filterError} />
      <DataTable
        rows={carts.data}
        rowKey={(c) => c.id}
        empty={
          <EmptyState
            title="No carts match"
            description="Carts appear here when an OEM's web shop posts them to /checkoutCart_oncreate_v2. Change the filters to see others."
          />
        }
        columns={[
          {
            header: "Cart",
            cell: (c) => <RowLink href={`/checkout/carts/${encodeURIComponent(c.id)}`}>{c.id}</RowLink>,
          },
          { header: "OEM", cell: (c) => c.oemName },
          { header: "Vehicles", cell: (c) => vehicleList(c.variants) },
          { header: "Source", cell: (c) => c.source ?? "—" },
          { header: "State", cell: (c) => c.registrationState ?? "—" },
          { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
          { header: "Created", dateTime: (c) => c.createdAt, timeZone: tz },
          { ...TOTAL_COLUMN, cell: (c) => dollars(c.totals.total) },
        ]}
      />
      <Pagination basePath="/checkout" searchParams={filters} nextCursor={carts.nextCursor} />
    </div>
  );
}
