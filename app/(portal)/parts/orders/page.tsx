import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { Money } from "@/components/money";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { ORDER_STATUSES } from "@/db/schema/parts";
import { accountsForBasket, listOrders } from "@/lib/parts/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { isAppError } from "@/lib/platform/errors";
import { timeZoneFor } from "@/lib/platform/identity/dealers";

export const metadata: Metadata = { title: "Parts orders" };

const KEYS = ["orderStatus", "customerId", "q", "cursor"] as const;

export default async function PartsOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUserPage();
  if (!actor.dealerId) redirect("/parts/counter");
  const sp = await searchParams;
  const filters = Object.fromEntries(
    KEYS.map((k) => [k, typeof sp[k] === "string" && sp[k] ? (sp[k] as string) : undefined]),
  ) as Record<(typeof KEYS)[number], string | undefined>;
  const db = getDb();
  let result: ReturnType<typeof listOrders> = { data: [], nextCursor: null };
  let filterError: string | null = null;
  try {
    result = listOrders(db, actor, filters);
  } catch (e) {
    if (!isAppError(e) || e.status !== 400) throw e;
    filterError = e.message;
  }
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
      <Card>
        <CardContent>
          <form
            method="get"
            action="/parts/orders"
            aria-label="Filter orders"
            className="grid gap-3 sm:grid-cols-4 sm:items-end"
          >
            <div className="grid gap-1">
              <Label htmlFor="f-q">Reference or order id</Label>
              <Input id="f-q" name="q" defaultValue={filters.q} />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="f-status">Status</Label>
              <Select id="f-status" name="orderStatus" defaultValue={filters.orderStatus ?? ""}>
                <option value="">Any status</option>
                {ORDER_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1">
              <Label htmlFor="f-account">Account</Label>
              <Select id="f-account" name="customerId" defaultValue={filters.customerId ?? ""}>
                <option value="">Any account</option>
                {accounts.map((a) => (
                  <option key={a.customerId} value={a.customerId}>
                    {a.companyName}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex gap-2">
              <Button type="submit">Apply filters</Button>
              <Button asChild variant="ghost">
                <a href="/parts/orders">Clear</a>
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
          title={filtered ? "No orders match these filters" : "No parts orders yet"}
          description={
            filtered
              ? "Clear the filters to see every order."
              : "Orders placed from the basket or the API appear here."
          }
        />
      ) : (
        <Table aria-label="Parts orders">
          <TableHeader>
            <TableRow>
              <TableHead>Order</TableHead>
              <TableHead>Account</TableHead>
              <TableHead>Type</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Lines</TableHead>
              <TableHead>Total</TableHead>
              <TableHead>Placed</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.data.map((o) => (
              <TableRow key={o.partsOrderId}>
                <TableCell>
                  <Link
                    className="font-medium text-primary hover:underline"
                    href={`/parts/orders/${o.partsOrderId}`}
                  >
                    {o.orderReference ?? o.partsOrderId}
                  </Link>
                </TableCell>
                <TableCell>{o.companyName}</TableCell>
                <TableCell>{o.orderType}</TableCell>
                <TableCell>
                  <StatusBadge status={o.orderStatus} />
                </TableCell>
                <TableCell>{o.lines.length}</TableCell>
                <TableCell>
                  <Money cents={Math.round(o.totals.grossValue * 100)} />
                </TableCell>
                <TableCell>
                  <DateTime value={o.partsOrderDateTime} timeZone={tz} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination
        basePath="/parts/orders"
        searchParams={filters}
        nextCursor={result.nextCursor}
        hasPrevious={Boolean(filters.cursor)}
      />
    </div>
  );
}
