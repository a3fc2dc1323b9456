"use client";

import { useQuery } from "@tanstack/react-query";
import { zoneLabel } from "@/app/(public)/_components/format";
import { DateTime } from "@/components/date-time";
import { LineItemsTable } from "@/components/line-items-table";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { SectionCard } from "@/components/ui/card";
import type { ServiceOrderStatus } from "@/db/schema";
import type { Role } from "@/lib/platform/actor";
import { allowedNext } from "@/lib/service-orders/lifecycle";
import type { CandidateDto, OrderDto } from "@/lib/service-orders/serialize";
import { AddCandidateForm, BuyQuoteForm, ReasonForm, StatusButton } from "./order-actions";

export interface OrderDetail {
  order: OrderDto;
  candidates: CandidateDto[];
  dealer: { name: string; timeZone: string };
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Cancel with a reason; the confirmation says what happens to the money (a paid order is refunded). */
function CancelOrderForm({ order, timeZone }: { order: OrderDto; timeZone: string }) {
  return (
    <ReasonForm
      orderId={order.id}
      status="canceled"
      label="Cancel order"
      timeZone={timeZone}
      confirm={{
        title: "Cancel this order?",
        description: order.paid
          ? `Work stops and the ${usd.format(order.total)} paid is refunded to the ${order.paymentMethod === "card" ? "customer's card" : "dealership's account"}. This cannot be undone.`
          : "Work stops. This cannot be undone.",
        confirmLabel: "Cancel order",
        cancelLabel: "Keep the order",
        destructive: true,
      }}
    />
  );
}

function OpsControls({ order, timeZone }: { order: OrderDto; timeZone: string }) {
  const next = allowedNext(order.status as ServiceOrderStatus);
  if (next.length === 0)
    return <p className="text-sm text-muted-foreground">This order is {order.status}; it cannot change.</p>;
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        {next.includes("in-progress") ? (
          <StatusButton
            orderId={order.id}
            status="in-progress"
            label={order.status === "delayed" ? "Resume work" : "Start work"}
          />
        ) : null}
        {next.includes("completed") ? (
          <StatusButton
            orderId={order.id}
            status="completed"
            label="Complete"
            confirm={{
              title: "Mark this order completed?",
              description: "The customer is emailed that the work is done. A completed order cannot change.",
              confirmLabel: "Complete order",
              cancelLabel: "Not yet",
            }}
          />
        ) : null}
      </div>
      {next.includes("delayed") ? (
        <ReasonForm
          orderId={order.id}
          status="delayed"
          label="Delay"
          needsEstimate
          timeZone={timeZone}
          confirm={{
            title: "Delay this order?",
            description: "The customer is emailed the reason and the new estimate.",
            confirmLabel: "Delay order",
          }}
        />
      ) : null}
      <CancelOrderForm order={order} timeZone={timeZone} />
    </div>
  );
}

function paymentLabel(order: OrderDto): string {
  const payer = order.paymentMethod === "card" ? "Card (customer)" : "Dealer account";
  return order.refunded ? `${payer}, refunded` : payer;
}

/** The order page's live part: polls every second so changes made elsewhere appear within 2 s. */
export function OrderLive({ initial, role }: { initial: OrderDetail; role: Role }) {
  const { data } = useQuery<OrderDetail>({
    queryKey: ["service-order", initial.order.id],
    queryFn: async () => {
      const res = await fetch(`/api/portal/service-orders/${initial.order.id}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: 1000,
  });
  const { order, candidates, dealer } = data;
  const tz = dealer.timeZone;
  const isSearch = order.type === "concierge" && order.services[0] === "search";
  const open = order.status !== "completed" && order.status !== "canceled";
  const search = order.search as { zipcode?: string } | null;

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="grid grid-cols-1 content-start gap-6 lg:col-span-2">
        <SectionCard title="Summary" contentClassName="grid gap-4">
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-muted-foreground">Status</dt>
              <dd data-testid="order-status">
                <StatusBadge status={order.status} />
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Estimated completion</dt>
              <dd>
                <DateTime value={order.estimatedTime} timeZone={tz} />
                {order.originalEstimatedTime !== order.estimatedTime ? (
                  <span className="block text-xs text-muted-foreground">
                    First promised <DateTime value={order.originalEstimatedTime} timeZone={tz} />
                  </span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Total</dt>
              <dd className="font-medium">{usd.format(order.total)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Paid</dt>
              <dd data-testid="order-payment">{paymentLabel(order)}</dd>
            </div>
          </dl>
          {order.statusReason ? (
            <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="status-reason">
              {order.statusReason}
            </p>
          ) : null}
          <LineItemsTable items={order.items} total={order.total} />
          <p className="text-xs text-muted-foreground">
            Times are in {zoneLabel(tz)} ({tz}).
          </p>
        </SectionCard>

        {isSearch ? (
          <SectionCard title="Candidate vehicles" contentClassName="grid gap-4">
            {candidates.length === 0 ? (
              <p className="text-sm text-muted-foreground">The concierge team has not found vehicles yet.</p>
            ) : (
              <ul className="grid gap-3" aria-label="Candidate vehicles">
                {candidates.map((c) => (
                  <li key={c.id} className="rounded-md border p-3 text-sm" data-testid="candidate">
                    <p className="font-medium">
                      {c.year} {c.make} {c.model} {c.trim ?? ""} · {usd.format(c.price)}
                    </p>
                    <p className="text-muted-foreground">
                      {c.mileage.toLocaleString("en-US")} mi · {c.location} · VIN {c.vin}
                    </p>
                    {c.notes ? <p className="mt-1">{c.notes}</p> : null}
                    {c.quote ? (
                      <a className="mt-2 inline-block text-primary underline" href={`/quotes/${c.quote}`}>
                        Buy quote {c.quote}
                      </a>
                    ) : role !== "ops" ? (
                      <BuyQuoteForm candidateId={c.id} zip={search?.zipcode} />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {role === "ops" && open ? (
              <div className="border-t pt-4">
                <h3 className="mb-3 text-sm font-semibold">Add a candidate</h3>
                <AddCandidateForm orderId={order.id} />
              </div>
            ) : null}
          </SectionCard>
        ) : null}
      </div>

      <div className="grid grid-cols-1 content-start gap-6">
        <SectionCard title={role === "ops" ? "Work this order" : "Actions"}>
          {role === "ops" ? (
            <OpsControls order={order} timeZone={tz} />
          ) : open ? (
            <CancelOrderForm order={order} timeZone={tz} />
          ) : (
            <p className="text-sm text-muted-foreground">This order is {order.status}.</p>
          )}
        </SectionCard>
        <SectionCard title="Timeline">
          <Timeline items={order.history ?? []} timeZone={tz} label="Order timeline" />
        </SectionCard>
      </div>
    </div>
  );
}
