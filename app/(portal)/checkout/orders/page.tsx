import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { formatCents } from "@/components/money";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { humanizeStatus, StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { FULFILLMENT_STATUSES, PAYMENT_STATUSES } from "@/db/schema";
import { listOemsFor, listPlacedOrders } from "@/lib/checkout/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { pickSearch, withFilterError } from "../_components/filters";

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
      <Card>
        <CardContent>
          <form
            method="get"
            action="/checkout/orders"
            aria-label="Filter placed orders"
            className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end"
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
              <Label htmlFor="f-fulfillment">Fulfillment</Label>
              <Select
                id="f-fulfillment"
                name="fulfillmentStatus"
                defaultValue={filters.fulfillmentStatus ?? ""}
              >
                <option value="">Any</option>
                {FULFILLMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {humanizeStatus(s)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1">
              <Label htmlFor="f-payment">Payment</Label>
              <Select id="f-payment" name="paymentStatus" defaultValue={filters.paymentStatus ?? ""}>
                <option value="">Any</option>
                {PAYMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {humanizeStatus(s)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex gap-2">
              <Button type="submit">Apply</Button>
              <Button asChild variant="ghost">
                <a href="/checkout/orders">Clear</a>
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
      {result.data.length === 0 ? (
        <EmptyState
          title="No placed orders match"
          description="Orders appear here when buyers pay at hosted checkout."
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Order</TableHead>
              <TableHead>Buyer</TableHead>
              <TableHead>Vehicles</TableHead>
              <TableHead>Payment</TableHead>
              <TableHead>Fulfillment</TableHead>
              <TableHead>Placed</TableHead>
              <TableHead className="text-right">Total</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.data.map((o) => (
              <TableRow key={o.id}>
                <TableCell>
                  <Link
                    href={`/checkout/orders/${o.id}`}
                    className="font-mono text-xs font-medium text-primary hover:underline"
                  >
                    {o.id}
                  </Link>
                </TableCell>
                <TableCell>
                  {o.buyer.firstName} {o.buyer.lastName}
                </TableCell>
                <TableCell>{o.vehicles.map((v) => `${v.modelYear} ${v.name}`).join(", ")}</TableCell>
                <TableCell>
                  <StatusBadge status={o.paymentStatus} />
                </TableCell>
                <TableCell>
                  <StatusBadge status={o.fulfillmentStatus} />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <DateTime value={o.createdAt} timeZone={tz} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatCents(Math.round(o.amounts.total * 100))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination
        basePath="/checkout/orders"
        searchParams={filters}
        nextCursor={result.nextCursor}
        hasPrevious={Boolean(filters.cursor)}
      />
    </div>
  );
}
