"use client";

import { useQuery } from "@tanstack/react-query";
import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import { SectionCard } from "@/components/ui/card";
import type { getOrderByReceiptToken } from "@/lib/service-orders/queries";
import {
  addressLabel,
  searchLabel,
  serviceLabel,
  vehicleLabel,
  zoneLabel,
} from "../../../_components/format";
import { DetailList, LineItems } from "../../../_components/summary";

export type Receipt = NonNullable<ReturnType<typeof getOrderByReceiptToken>>;

const POLL_MS = 2_000;
/** Nothing leaves these statuses, so there is nothing more to wait for. */
const FINAL = new Set(["completed", "canceled"]);

const STATUS_TEXT: Record<string, string> = {
  pending: "Booked. The team will pick up the vehicle or start work soon.",
  "in-progress": "Work is under way.",
  delayed: "There is a delay. The estimated completion below has been updated.",
  completed: "All done: this order is complete.",
  canceled: "This order was canceled.",
};

async function fetchReceipt(token: string, signal: AbortSignal): Promise<Receipt> {
  const res = await fetch(`/api/public/receipt/${encodeURIComponent(token)}`, { cache: "no-store", signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

/** Who paid, and whether the money went back (a canceled paid order is refunded). */
function paymentText(order: { paymentMethod: string; refunded: boolean }): string {
  if (order.paymentMethod === "card") return order.refunded ? "Refunded to your card" : "Paid by card";
  return order.refunded ? "Refunded to the dealership" : "Paid by the dealership";
}

/** The order's status, details and history; polls every 2 s until the order is completed or canceled. */

export function LiveReceipt({ token, initial }: { token: string; initial: Receipt }) {
  const { data, isError } = useQuery({
    queryKey: ["public-receipt", token],
    queryFn: ({ signal }) => fetchReceipt(token, signal),
    initialData: initial,
    refetchInterval: (query) => (FINAL.has(query.state.data?.order.status ?? "") ? false : POLL_MS),
    retry: 1,
  });
  const { order, dealerName, timeZone } = data;
  const history = order.history ?? [];
  const vin = order.vin ?? order.vehicle?.vin ?? null;
  const finished = order.status === "completed" && order.completedAt;

  return (
    <div className="grid gap-6">
      <SectionCard title="Status" className="gap-4" contentClassName="grid gap-3">
        <div role="status" aria-live="polite" data-testid="order-status" className="grid gap-2">
          <StatusBadge status={order.status} className="text-sm" />
          <p className="text-sm">
            {STATUS_TEXT[order.status] ?? "We'll update this page as work progresses."}
            {order.statusReason && (order.status === "delayed" || order.status === "canceled")
              ? ` Reason: ${order.statusReason}`
              : null}
          </p>
        </div>
        <DetailList
          rows={[
            [
              finished ? "Completed" : "Estimated completion",
              // A canceled order will not be finished: no estimate to show.
              order.status === "canceled" ? null : (
                <DateTime
                  key="eta"
                  value={finished ? order.completedAt : order.estimatedTime}
                  timeZone={timeZone}
                />
              ),
            ],
          ]}
        />
        {isError ? (
          <p className="text-xs text-muted-foreground">Couldn't check for updates just now; trying again.</p>
        ) : FINAL.has(order.status) ? null : (
          <p className="text-xs text-muted-foreground">This page updates by itself.</p>
        )}
      </SectionCard>

      <SectionCard title="Order details" className="gap-4" contentClassName="grid gap-5">
        <DetailList
          rows={[
            [
              "Order number",
              <span key="id" className="font-mono break-all">
                {order.id}
              </span>,
            ],
            ["Dealership", dealerName],
            ["Service", serviceLabel(order.type, order.services)],
            ["Vehicle", vehicleLabel(order.vehicle)],
            [
              "VIN",
              vin ? (
                <span key="vin" className="font-mono break-all">
                  {vin}
                </span>
              ) : null,
            ],
            ["Stock number", order.stock],
            ["Looking for", order.type === "concierge" ? searchLabel(order.search) : null],
            ["Deliver to", addressLabel(order.deliveryAddress)],
            ["Payment", paymentText(order)],
            ["Booked", <DateTime key="booked" value={order.createdAt} timeZone={timeZone} />],
          ]}
        />
        <LineItems items={order.items} total={order.total} />
      </SectionCard>

      <SectionCard title="History" className="gap-4" contentClassName="grid gap-3">
        {history.length === 0 ? (
          <p className="text-sm text-muted-foreground">No updates yet.</p>
        ) : (
          <ol aria-label="Order history" className="grid gap-3">
            {history.map((entry, i) => (
              <li
                key={`${entry.at}-${i}`}
                data-testid="history-entry"
                className="grid gap-1 border-l-2 border-border pl-3"
              >
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  {entry.status ? (
                    <StatusBadge status={entry.status} />
                  ) : (
                    <span className="text-sm font-medium">Update</span>
                  )}
                  <DateTime value={entry.at} timeZone={timeZone} className="text-sm text-muted-foreground" />
                </div>
                {entry.note ? <p className="text-sm break-words">{entry.note}</p> : null}
                {entry.estimatedTime ? (
                  <p className="text-sm text-muted-foreground">
                    New estimate: <DateTime value={entry.estimatedTime} timeZone={timeZone} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        <p className="text-xs text-muted-foreground">Times are shown in {zoneLabel(timeZone)}.</p>
      </SectionCard>
    </div>
  );
}
