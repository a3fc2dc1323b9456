import type { Metadata } from "next";
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
import { listNotifications } from "@/lib/platform/notifications/queries";

export const metadata: Metadata = { title: "Outbox" };

const STATUS_LABEL: Record<string, string> = {
  queued: "Queued",
  sent: "Sent",
  failed: "Failed",
  not_sent: "Not sent",
};

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireUserPage();
  const sp = await searchParams;
  const db = getDb();
  const filters = {
    channel: sp.channel || undefined,
    status: sp.status || undefined,
    cursor: sp.cursor || undefined,
  };
  const { data, nextCursor } = loadOr404(() => listNotifications(db, actor, filters));
  const timeZone = timeZoneFor(db, actor.dealerId);
  const smtp = Boolean(process.env.SMTP_URL);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Outbox"
        description={
          smtp
            ? "Emails and text messages Forecourt sends for your dealership."
            : "Emails and text messages Forecourt would send. SMTP is not configured (SMTP_URL), and no SMS provider is connected, so they are kept here as not sent."
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter outbox">
        <div className="grid gap-1">
          <Label htmlFor="o-channel">Channel</Label>
          <Select id="o-channel" name="channel" defaultValue={filters.channel ?? ""}>
            <option value="">Email and SMS</option>
            <option value="email">Email</option>
            <option value="sms">SMS</option>
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="o-status">Status</Label>
          <Select id="o-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit">Apply</Button>
      </form>
      {data.length === 0 ? (
        <EmptyState
          title="Nothing in the outbox"
          description="Customer emails and text messages appear here as they are written."
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Written</TableHead>
              <TableHead>Channel</TableHead>
              <TableHead>To</TableHead>
              <TableHead>Message</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.map((n) => (
              <TableRow key={n.id}>
                <TableCell className="whitespace-nowrap">
                  <DateTime value={n.createdAt} timeZone={timeZone} />
                </TableCell>
                <TableCell className="uppercase">{n.channel}</TableCell>
                <TableCell>{n.to}</TableCell>
                <TableCell className="max-w-md">
                  {n.subject ? <span className="block font-medium">{n.subject}</span> : null}
                  <span className="line-clamp-3 whitespace-pre-line text-muted-foreground">{n.body}</span>
                  {n.error ? <span className="block text-destructive">{n.error}</span> : null}
                </TableCell>
                <TableCell>
                  <StatusBadge status={n.status} label={STATUS_LABEL[n.status]} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination
        basePath="/settings/outbox"
        searchParams={sp}
        nextCursor={nextCursor}
        hasPrevious={Boolean(filters.cursor)}
      />
    </div>
  );
}
