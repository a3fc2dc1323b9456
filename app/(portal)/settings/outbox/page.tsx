import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterForm, FilterSelect } from "@/components/filter-form";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
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
const CHANNELS = [
  { value: "email", label: "Email" },
  { value: "sms", label: "SMS" },
];

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
      <FilterForm
        label="Filter outbox"
        className="flex flex-wrap items-end gap-3"
        submitLabel="Apply"
        clear={false}
        card={false}
      >
        <FilterSelect
          id="o-channel"
          name="channel"
          label="Channel"
          value={filters.channel}
          anyLabel="Email and SMS"
          options={CHANNELS}
        />
        <FilterSelect
          id="o-status"
          name="status"
          label="Status"
          value={filters.status}
          anyLabel="Any status"
          options={Object.entries(STATUS_LABEL).map(([value, label]) => ({ value, label }))}
        />
      </FilterForm>
      <DataTable
        rows={data}
        rowKey={(n) => n.id}
        empty={
          <EmptyState
            title="Nothing in the outbox"
            description="Customer emails and text messages appear here as they are written."
          />
        }
        columns={[
          { header: "Written", dateTime: (n) => n.createdAt, timeZone },
          { header: "Channel", className: "uppercase", cell: (n) => n.channel },
          { header: "To", cell: (n) => n.to },
          {
            header: "Message",
            className: "max-w-md",
            cell: (n) => (
              <>
                {n.subject ? <span className="block font-medium">{n.subject}</span> : null}
                <span className="line-clamp-3 whitespace-pre-line text-muted-foreground">{n.body}</span>
                {n.error ? <span className="block text-destructive">{n.error}</span> : null}
              </>
            ),
          },
          {
            header: "Status",
            cell: (n) => <StatusBadge status={n.status} label={STATUS_LABEL[n.status]} />,
          },
        ]}
      />
      <Pagination basePath="/settings/outbox" searchParams={sp} nextCursor={nextCursor} />
    </div>
  );
}
