import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { formatCents } from "@/components/money";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { ABANDON_AFTER_DAYS } from "@/lib/checkout/funnel";
import { cartFunnel, cartSources, listCarts, listOemsFor } from "@/lib/checkout/queries";
import { US_STATES } from "@/lib/checkout/states";
import { requireUserPage } from "@/lib/platform/auth/current";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { withRequestOrigin } from "@/lib/platform/origin";
import { pickSearch, withFilterError } from "./_components/filters";

export const metadata: Metadata = { title: "Checkout carts" };

const KEYS = ["oem", "source", "state", "status", "cursor"] as const;

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
      <Card>
        <CardContent>
          <form
            method="get"
            action="/checkout"
            aria-label="Filter carts"
            className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
          >
            <div className="grid gap-1">
              <Label htmlFor="f-oem">OEM</Label>
              <Select id="f-oem" name="oem" defaultValue={filters.oem ?? ""}>
                <option value="">All OEMs</option>
                {oems.map((o) => (
                  <option key={o.id} value={o.oemKey}>
                    {o.name}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1">
              <Label htmlFor="f-source">Source</Label>
              <Select id="f-source" name="source" defaultValue={filters.source ?? ""}>
                <option value="">Any source</option>
                {sources.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1">
              <Label htmlFor="f-state">Registration state</Label>
              <Select id="f-state" name="state" defaultValue={filters.state ?? ""}>
                <option value="">Any state</option>
                {US_STATES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1">
              <Label htmlFor="f-status">Status</Label>
              <Select id="f-status" name="status" defaultValue={filters.status ?? ""}>
                <option value="">Any status</option>
                <option value="created">Created (not opened)</option>
                <option value="opened">Opened</option>
                <option value="placed">Placed</option>
                <option value="abandoned">Abandoned</option>
              </Select>
            </div>
            <div className="flex gap-2">
              <Button type="submit">Apply</Button>
              <Button asChild variant="ghost">
                <a href="/checkout">Clear</a>
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
      {filterError ? (
        <p role="alert" className="text-sm text-destructive">
          {filterError}
        </p>
      ) : null}
      {carts.data.length === 0 ? (
        <EmptyState
          title="No carts match"
          description="Carts appear here when an OEM's web shop posts them to /checkoutCart_oncreate_v2. Change the filters to see others."
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Cart</TableHead>
              <TableHead>OEM</TableHead>
              <TableHead>Vehicles</TableHead>
              <TableHead>Source</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Created</TableHead>
              <TableHead className="text-right">Total</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {carts.data.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <Link
                    href={`/checkout/carts/${encodeURIComponent(c.id)}`}
                    className="font-mono text-xs font-medium text-primary hover:underline"
                  >
                    {c.id}
                  </Link>
                </TableCell>
                <TableCell>{c.oemName}</TableCell>
                <TableCell>{c.variants.map((v) => `${v.modelYear} ${v.name}`).join(", ")}</TableCell>
                <TableCell>{c.source ?? "—"}</TableCell>
                <TableCell>{c.registrationState ?? "—"}</TableCell>
                <TableCell>
                  <StatusBadge status={c.status} />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <DateTime value={c.createdAt} timeZone={tz} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatCents(Math.round(c.totals.total * 100))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination
        basePath="/checkout"
        searchParams={filters}
        nextCursor={carts.nextCursor}
        hasPrevious={Boolean(filters.cursor)}
      />
    </div>
  );
}
