import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Card, CardDescription, CardHeader, CardTitle, SectionCard } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { integrationSummary, recentActivity } from "@/lib/platform/dashboard";
import { listDealers, timeZoneFor } from "@/lib/platform/identity/dealers";
import { serviceOrderDashboard } from "@/lib/service-orders/queries";
import { ServiceOrderMetrics } from "./service-order-metrics";

export const metadata: Metadata = { title: "Dashboard" };

function Stat({ label, value, href }: { label: string; value: number | string; href?: string }) {
  const body = (
    <Card className="h-full">
      <CardHeader>
        <CardDescription>{label}</CardDescription>
        <CardTitle className="text-3xl tabular-nums">{value}</CardTitle>
      </CardHeader>
    </Card>
  );
  return href ? (
    <Link href={href} className="rounded-xl focus-visible:outline-2 focus-visible:outline-ring">
      {body}
    </Link>
  ) : (
    body
  );
}

export default async function DashboardPage() {
  const actor = await requireUserPage();
  const db = getDb();
  if (!actor.dealerId) {
    const dealers = listDealers(db);
    return (
      <div className="grid grid-cols-1 gap-6">
        <PageHeader title="Operations" description="You work across every dealer's queues." />
        <ServiceOrderMetrics
          metrics={serviceOrderDashboard(db, actor)}
          timeZone="UTC"
          queuePath="/operations"
        />
        <SectionCard title="Dealers">
          <ul className="grid gap-2">
            {dealers.map((d) => (
              <li key={d.id} className="flex justify-between rounded-md border p-3 text-sm">
                <span className="font-medium">{d.name}</span>
                <span className="text-muted-foreground">
                  {d.city}, {d.state}
                </span>
              </li>
            ))}
          </ul>
        </SectionCard>
      </div>
    );
  }
  const timeZone = timeZoneFor(db, actor.dealerId);
  const summary = integrationSummary(db, actor);
  const activity = recentActivity(db, actor);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="Dashboard" description="What needs attention at your dealership." />
      <ServiceOrderMetrics
        metrics={serviceOrderDashboard(db, actor)}
        timeZone={timeZone}
        queuePath="/service-orders"
      />
      <section aria-label="Integrations" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat
          label="Webhooks delivered (24 h)"
          value={summary.deliveries24h.succeeded}
          href="/webhooks/log?status=succeeded"
        />
        <Stat
          label="Webhooks failing (24 h)"
          value={summary.deliveries24h.failed + summary.deliveries24h.pending}
          href="/webhooks/log?status=pending"
        />
        <Stat
          label="Endpoints enabled"
          value={`${summary.endpointsEnabled}${summary.endpointsDisabled ? ` (+${summary.endpointsDisabled} off)` : ""}`}
          href="/webhooks"
        />
        <Stat label="Messages not sent" value={summary.unsentNotifications} href="/settings/outbox" />
      </section>
      <SectionCard title="Recent activity">
        {activity.length === 0 ? (
          <EmptyState
            title="Nothing yet"
            description="Changes made by your team, integrations and Forecourt show up here."
          />
        ) : (
          <ol className="grid gap-3">
            {activity.map((a) => (
              <li
                key={a.id}
                className="flex flex-wrap justify-between gap-2 border-b pb-2 text-sm last:border-0"
              >
                <span>
                  <span className="font-medium">{a.actorLabel}</span>{" "}
                  <span className="text-muted-foreground">
                    {a.note ?? `${a.fromStatus ?? "—"} → ${a.toStatus ?? "—"}`}
                  </span>
                </span>
                <DateTime value={a.at} timeZone={timeZone} className="text-muted-foreground" />
              </li>
            ))}
          </ol>
        )}
      </SectionCard>
    </div>
  );
}
