"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { formatDateTime } from "@/components/date-time";
import { Money } from "@/components/money";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { SectionCard } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PartsOrderDto } from "@/lib/parts/serialize";
import { useBasket } from "./basket-store";
import { LineActionButton } from "./line-action-button";

export interface OrderPageData {
  order: PartsOrderDto & {
    history?: { at: string; status: string | null; from: string | null; note: string | null; by: string }[];
  };
  dealer: { name: string; timeZone: string };
}

const cents = (v: number) => Math.round(v * 100);
const dateOnly = (iso: string, tz: string) => formatDateTime(iso, tz).split(",").slice(0, 2).join(",");

/** Empties the basket once its order is placed (the page is opened with ?placed=1). */
function ClearBasket({ dealerId }: { dealerId: string }) {
  const { clear } = useBasket(dealerId);
  useEffect(() => clear(), [clear]);
  return null;
}

/** The order page's live part: line statuses, the derived order status and the history, polled every second. */
export function OrderLive({
  initial,
  justPlaced,
  dealerId,
}: {
  initial: OrderPageData;
  justPlaced: boolean;
  dealerId: string | null;
}) {
  const queryKey = ["parts-order", initial.order.partsOrderId];
  const { data } = useQuery<OrderPageData>({
    queryKey,
    queryFn: async () => {
      const res = await fetch(`/api/portal/parts-orders/${initial.order.partsOrderId}`, {
        cache: "no-store",
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: 1000,
  });
  const { order, dealer } = data;
  const tz = dealer.timeZone;
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      {justPlaced && dealerId ? <ClearBasket dealerId={dealerId} /> : null}
      <div className="grid grid-cols-1 content-start gap-6 lg:col-span-2">
        <SectionCard title="Summary" contentClassName="grid gap-4">
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-muted-foreground">Order status</dt>
              <dd data-testid="order-status">
                <StatusBadge status={order.orderStatus} />
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Placed</dt>
              <dd>{formatDateTime(order.partsOrderDateTime, tz)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Contact</dt>
              <dd>
                {order.orderContact.name} · {order.orderContact.phone}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Total</dt>
              <dd className="font-medium">
                <Money cents={cents(order.totals.grossValue)} />
              </dd>
            </div>
          </dl>
          {order.alternateDeliveryAddress ? (
            <p className="text-sm">
              Deliver to {order.alternateDeliveryAddress.streetName},{" "}
              {order.alternateDeliveryAddress.postalCode} {order.alternateDeliveryAddress.city}{" "}
              {order.alternateDeliveryAddress.countryCode}
            </p>
          ) : null}
          <Table aria-label="Order lines">
            <TableHeader>
              <TableRow>
                <TableHead>#</TableHead>
                <TableHead>Part</TableHead>
                <TableHead>Qty</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Line total</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {order.lines.map((l) => (
                <TableRow key={l.orderLineId} data-testid="order-line" data-part-code={l.partCode}>
                  <TableCell>{l.lineNumber}</TableCell>
                  <TableCell>
                    <p className="font-medium">
                      {l.brandCode} {l.partCode}
                    </p>
                    <p className="text-xs text-muted-foreground">{l.description}</p>
                    {l.requestedPartCode ? (
                      <p className="text-xs text-amber-900">
                        Ordered as {l.requestedPartCode}
                        {l.replacesOrderLineId ? " (alternative accepted)" : " (superseded)"}
                      </p>
                    ) : null}
                  </TableCell>
                  <TableCell>{l.quantity}</TableCell>
                  <TableCell>
                    <span data-testid="line-status">
                      <StatusBadge status={l.partsOrderLineStatus} />
                    </span>
                    {l.expectedDeliveryDate ? (
                      <p className="mt-1 text-xs text-muted-foreground" data-testid="line-eta">
                        Expected {dateOnly(l.expectedDeliveryDate, tz)}
                      </p>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <Money cents={cents(l.lineTotal.grossValue)} />
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-wrap gap-2">
                      {l.suggestedAlternative ? (
                        <LineActionButton
                          orderId={order.partsOrderId}
                          lineId={l.orderLineId}
                          action="accept_alternative"
                          alternativePartId={l.suggestedAlternative.partId}
                          label={`Use ${l.suggestedAlternative.partCode} (${l.suggestedAlternative.availableStock} in stock)`}
                          refresh={queryKey}
                        />
                      ) : null}
                      {["OPEN", "RESERVED", "ISSUED", "BACKORDER"].includes(l.partsOrderLineStatus) ? (
                        <LineActionButton
                          orderId={order.partsOrderId}
                          lineId={l.orderLineId}
                          action="cancel"
                          variant="ghost"
                          refresh={queryKey}
                        />
                      ) : null}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </SectionCard>
      </div>
      <SectionCard title="History">
        <Timeline items={order.history ?? []} timeZone={tz} label="Order history" />
      </SectionCard>
    </div>
  );
}
