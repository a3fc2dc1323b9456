import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { hasScope } from "@/lib/platform/actor";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { listDeals } from "@/lib/service-orders/queries";
import { vehicleIds, vehicleTitle } from "../_components/format";
import { NewDealForm } from "../_components/new-deal-form";

export const metadata: Metadata = { title: "Deals" };

export default async function DealsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUserPage();
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  const filters = { q: one(sp.q)?.slice(0, 60), cursor: one(sp.cursor) };
  const db = getDb();
  const { data, nextCursor } = loadOr404(() => listDeals(db, actor, filters));
  const timeZone = timeZoneFor(db, actor.dealerId);
  const canWrite = hasScope(actor.scopes, "deals.write");
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Deals"
        description="A deal gathers a customer's quotes and service orders into one final invoice."
      />
      <search aria-label="Deal search">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="grid min-w-0 flex-1 gap-1 sm:max-w-sm">
            <Label htmlFor="deals-q">Search deals</Label>
            <Input
              id="deals-q"
              name="q"
              type="search"
              placeholder="Customer name or deal ID"
              defaultValue={filters.q ?? ""}
            />
          </div>
          <Button type="submit">Search</Button>
          {filters.q ? (
            <Button asChild variant="ghost">
              <Link href="/deals">Clear search</Link>
            </Button>
          ) : null}
        </form>
      </search>
      {data.length === 0 ? (
        filters.q ? (
          <EmptyState
            title="No deals match your search"
            description={`Nothing found for “${filters.q}”. Search by the customer's name or a deal ID.`}
          />
        ) : (
          <EmptyState
            title="No deals yet"
            description="Create a deal below, then attach the customer's quotes and service orders to it."
          />
        )
      ) : (
        <Table aria-label="Deals">
          <TableHeader>
            <TableRow>
              <TableHead>Customer</TableHead>
              <TableHead>Vehicle</TableHead>
              <TableHead>Created</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.map((d) => {
              const title = vehicleTitle(d.vehicle);
              const ids = vehicleIds(d.vehicle);
              const contact = [d.customer.email, d.customer.phone].filter(Boolean).join(" · ");
              return (
                <TableRow key={d.id}>
                  <TableCell className="min-w-40">
                    <Link className="font-medium text-primary hover:underline" href={`/deals/${d.id}`}>
                      {d.customer.name}
                    </Link>
                    {contact ? (
                      <span className="block text-xs break-all text-muted-foreground">{contact}</span>
                    ) : null}
                    <span className="block font-mono text-xs text-muted-foreground">{d.id}</span>
                  </TableCell>
                  <TableCell className="min-w-40">
                    {title || ids ? (
                      <>
                        {title ? <span className="block">{title}</span> : null}
                        {ids ? (
                          <span className="block font-mono text-xs text-muted-foreground">{ids}</span>
                        ) : null}
                      </>
                    ) : (
                      <span className="text-muted-foreground">No vehicle</span>
                    )}
                  </TableCell>
                  <TableCell>
                    <DateTime value={d.createdAt} timeZone={timeZone} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Pagination
        basePath="/deals"
        searchParams={filters}
        nextCursor={nextCursor}
        hasPrevious={Boolean(filters.cursor)}
      />
      {canWrite ? (
        <Card>
          <CardHeader>
            <CardTitle>New deal</CardTitle>
            <CardDescription>
              Only the customer&apos;s name is required; add the vehicle and attach existing quotes and orders
              now, or later.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <NewDealForm />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
