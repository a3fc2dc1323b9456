import type { Metadata } from "next";
import { FilterForm, FilterInput, FilterSelect } from "@/components/filter-form";
import { PageHeader } from "@/components/page-header";
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
      <FilterForm
        action="/webhooks/log"
        label="Filter deliveries"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
        buttonsClassName="lg:col-span-6"
      >
        <FilterSelect
          id="f-endpoint"
          name="endpoint"
          label="Endpoint"
          className="lg:col-span-2"
          value={filters.endpoint}
          anyLabel="All endpoints"
          options={endpoints.map((e) => ({ value: e.id, label: e.url }))}
        />
        <FilterSelect
          id="f-event"
          name="event"
          label="Event type"
          value={filters.event}
          anyLabel="All events"
          options={eventTypes}
        />
        <FilterSelect
          id="f-status"
          name="status"
          label="Status"
          value={filters.status}
          anyLabel="Any status"
          options={DELIVERY_STATUSES}
        />
        <FilterInput id="f-from" type="date" name="from" label="From" value={filters.from} />
        <FilterInput id="f-to" type="date" name="to" label="To" value={filters.to} />
      </FilterForm>
      <DeliveryLog
        query={new URLSearchParams(filters).toString()}
        timeZone={timeZoneFor(db, actor.dealerId)}
        canResend={hasScope(actor.scopes, "webhooks.write")}
      />
    </div>
  );
}
