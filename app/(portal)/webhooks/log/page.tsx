import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { getDb } from "@/db/client";
import { hasScope } from "@/lib/platform/actor";
import { requireUserPage } from "@/lib/platform/auth/current";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { listEndpoints, listEventTypes } from "@/lib/platform/webhooks/queries";
import { DELIVERY_STATUSES } from "@/lib/platform/webhooks/schema";
import { DeliveryLog } from "../_components/delivery-log";

export const metadata: Metadata = { title: "Delivery log" };

type Search = Record<string, string | string[] | undefined>;
const FILTERS = ["endpoint", "event", "status", "from", "to", "cursor"] as const;

export default async function DeliveryLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireUserPage();
  const db = getDb();
  const sp = await searchParams;
  const filters = Object.fromEntries(
    FILTERS.map((k) => [k, typeof sp[k] === "string" ? (sp[k] as string) : ""]).filter(([, v]) => v),
  ) as Record<string, string>;
  const endpoints = listEndpoints(db, actor);
  const eventTypes = listEventTypes(db, actor);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Delivery log"
        description="Every event sent to your endpoints, with every attempt."
      />
      <Card>
        <CardContent>
          <form
            method="get"
            className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
            aria-label="Filter deliveries"
          >
            <div className="grid gap-1 lg:col-span-2">
              <Label htmlFor="f-endpoint">Endpoint</Label>
              <Select id="f-endpoint" name="endpoint" defaultValue={filters.endpoint ?? ""}>
                <option value="">All endpoints</option>
                {endpoints.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.url}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1">
              <Label htmlFor="f-event">Event type</Label>
              <Select id="f-event" name="event" defaultValue={filters.event ?? ""}>
                <option value="">All events</option>
                {eventTypes.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1">
              <Label htmlFor="f-status">Status</Label>
              <Select id="f-status" name="status" defaultValue={filters.status ?? ""}>
                <option value="">Any status</option>
                {DELIVERY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1">
              <Label htmlFor="f-from">From</Label>
              <Input id="f-from" type="date" name="from" defaultValue={filters.from} />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="f-to">To</Label>
              <Input id="f-to" type="date" name="to" defaultValue={filters.to} />
            </div>
            <div className="flex gap-2 lg:col-span-6">
              <Button type="submit">Apply filters</Button>
              <Button asChild variant="ghost">
                <a href="/webhooks/log">Clear</a>
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
      <DeliveryLog
        query={new URLSearchParams(filters).toString()}
        timeZone={timeZoneFor(db, actor.dealerId)}
        canResend={hasScope(actor.scopes, "webhooks.write")}
      />
    </div>
  );
}
