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

/** "2.5 h late", "30 min early", "on the dot". */
function lateness(minutes: number): string {
  if (minutes === 0) return "on the dot on average";
  return `on average ${duration(Math.abs(minutes))} ${minutes > 0 ? "late" : "early"}`;
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
  const recon = metrics.timeInRecon;
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
              Average time orders spent in each status, time in recon, and completion against the estimate
              first promised.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 text-sm">
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
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
              <div>
                <dt className="text-muted-foreground">Time in recon</dt>
                <dd className="mt-1 font-medium" data-testid="time-in-recon">
                  {recon.avgMinutes === null ? "—" : duration(recon.avgMinutes)}
                </dd>
              </div>
            </dl>
            <p className="text-muted-foreground">
              {recon.count === 0
                ? "No reconditioning order was completed in the last 30 days."
                : `Time in recon: created to completed, averaged over ${recon.count} reconditioning ${recon.count === 1 ? "order" : "orders"}.`}
            </p>
            {acc.original && acc.latest ? (
              <dl className="grid gap-1">
                <div className="flex flex-wrap justify-between gap-x-3">
                  <dt>Against the first promised estimate</dt>
                  <dd className="font-medium">
                    {Math.round(acc.original.onTimeShare * 100)}% on time ·{" "}
                    {lateness(acc.original.avgLatenessMinutes)}
                  </dd>
                </div>
                <div className="flex flex-wrap justify-between gap-x-3 text-muted-foreground">
                  <dt>Against the latest estimate (after delays)</dt>
                  <dd>
                    {Math.round(acc.latest.onTimeShare * 100)}% on time ·{" "}
                    {lateness(acc.latest.avgLatenessMinutes)}
                  </dd>
                </div>
                <p className="text-muted-foreground">
                  {acc.count} {acc.count === 1 ? "order" : "orders"} completed.
                </p>
              </dl>
            ) : (
              <p>No orders completed in the last 30 days.</p>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
