import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, SectionCard } from "@/components/ui/card";
import type { serviceOrderDashboard } from "@/lib/service-orders/queries";

type Metrics = ReturnType<typeof serviceOrderDashboard>;

function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} days`;
}

/** Service-order health: open work, what is delayed, time in recon and how estimates hold up. */
export function ServiceOrderMetrics({
  metrics,
  timeZone,
  queuePath,
}: {
  metrics: Metrics;
  timeZone: string;
  queuePath: string;
}) {
  const acc = metrics.estimateAccuracy;
  return (
    <>
      <section aria-label="Open service orders" className="grid grid-cols-3 gap-3">
        {Object.entries(metrics.openByStatus).map(([status, n]) => (
          <Link key={status} href={`${queuePath}?status=${status}`} className="rounded-xl">
            <Card className="h-full">
              <CardHeader>
                <CardDescription>
                  <StatusBadge status={status} />
                </CardDescription>
                <CardTitle className="text-3xl tabular-nums">{n}</CardTitle>
              </CardHeader>
            </Card>
          </Link>
        ))}
      </section>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <SectionCard title="Delayed orders">
          {metrics.delayed.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing is delayed.</p>
          ) : (
            <ul className="grid gap-2 text-sm">
              {metrics.delayed.map((o) => (
                <li key={o.id} className="rounded-md border p-2">
                  <Link
                    href={`/service-orders/${o.id}`}
                    className="font-mono text-xs text-primary hover:underline"
                  >
                    {o.id}
                  </Link>{" "}
                  {o.vin ?? o.type} · {o.reason}
                  <span className="block text-xs text-muted-foreground">
                    New estimate <DateTime value={o.estimatedAt} timeZone={timeZone} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </SectionCard>
        <Card>
          <CardHeader>
            <CardTitle>Last 30 days</CardTitle>
            <CardDescription>
              Average time orders spend in each status, and estimates against actual completion.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <dl className="grid grid-cols-3 gap-2">
              {["pending", "in-progress", "delayed"].map((s) => (
                <div key={s}>
                  <dt>
                    <StatusBadge status={s} />
                  </dt>
                  <dd className="mt-1 font-medium">
                    {metrics.timeInStatus[s] ? duration(metrics.timeInStatus[s].avgMinutes) : "—"}
                  </dd>
                </div>
              ))}
            </dl>
            <p>
              {acc.count === 0
                ? "No orders completed yet."
                : `${acc.count} completed; ${Math.round((acc.onTimeShare ?? 0) * 100)}% on or before the estimate; on average ${duration(Math.abs(acc.avgLatenessMinutes ?? 0))} ${(acc.avgLatenessMinutes ?? 0) > 0 ? "late" : "early"}.`}
            </p>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
