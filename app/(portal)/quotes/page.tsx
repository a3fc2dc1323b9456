import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { withRequestOrigin } from "@/lib/platform/origin";
import { listQuotes } from "@/lib/service-orders/queries";

export const metadata: Metadata = { title: "Quotes" };

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const STATUSES = ["awaiting-payment", "paid", "expired", "canceled"];

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
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter quotes">
        <div className="grid gap-1">
          <Label htmlFor="q-status">Status</Label>
          <Select id="q-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="q-type">Type</Label>
          <Select id="q-type" name="type" defaultValue={filters.type ?? ""}>
            <option value="">Any type</option>
            <option value="reconditioning">Reconditioning</option>
            <option value="concierge">Concierge</option>
          </Select>
        </div>
        <Button type="submit">Apply</Button>
      </form>
      {data.length === 0 ? (
        <EmptyState title="No quotes" description="Create a quote for reconditioning or concierge work." />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Quote</TableHead>
              <TableHead>Type</TableHead>
              <TableHead>Vehicle</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Created</TableHead>
              <TableHead className="text-right">Total</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.map((q) => (
              <TableRow key={q.id}>
                <TableCell>
                  <Link
                    href={`/quotes/${q.id}`}
                    className="font-mono text-xs font-medium text-primary hover:underline"
                  >
                    {q.id}
                  </Link>
                </TableCell>
                <TableCell>
                  {q.type === "reconditioning" ? "Reconditioning" : `Concierge ${q.services[0]}`}
                </TableCell>
                <TableCell className="font-mono text-xs">{q.vin ?? "—"}</TableCell>
                <TableCell>
                  <StatusBadge status={q.status} />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <DateTime value={q.createdAt} timeZone={tz} />
                </TableCell>
                <TableCell className="text-right">{usd.format(q.total)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination
        basePath="/quotes"
        searchParams={filters}
        nextCursor={nextCursor}
        hasPrevious={Boolean(filters.cursor)}
      />
    </div>
  );
}
