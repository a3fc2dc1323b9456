"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useActionState, useEffect } from "react";
import { DetailRows } from "@/components/detail-rows";
import { humanizeStatus, StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { Card, CardContent, CardHeader, CardTitle, SectionCard } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { PAYMENT_OPTION_LABELS } from "@/lib/checkout/pricing";
import type { PlacedOrderDetail } from "@/lib/checkout/queries";
import { idleState } from "@/lib/platform/form-state";
import { updatePlacedOrderAction } from "../actions";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

type Address = { street: string; line2?: string | null; city: string; state: string; zip: string };
const addressLine = (a: Address | undefined) =>
  a ? `${a.street}${a.line2 ? `, ${a.line2}` : ""}, ${a.city}, ${a.state} ${a.zip}` : "—";

/** The statuses staff can move to, as buttons; a note goes with whichever is pressed. */
function StatusActions({ detail }: { detail: PlacedOrderDetail }) {
  const [state, action] = useActionState(updatePlacedOrderAction, idleState);
  useFormToast(state);
  const queryClient = useQueryClient();
  const id = detail.order.id;
  useEffect(() => {
    if (state.status === "ok") queryClient.invalidateQueries({ queryKey: ["placed-order", id] });
  }, [state, id, queryClient]);
  if (!detail.canUpdate)
    return (
      <p className="text-sm text-muted-foreground">
        {detail.order.fulfillingDealer.name}'s staff update this order's fulfillment and payment.
      </p>
    );
  if (detail.nextFulfillment.length === 0 && detail.nextPayment.length === 0)
    return <p className="text-sm text-muted-foreground">Nothing left to change on this order.</p>;
  return (
    <form action={action} className="grid gap-3" key={state.status === "ok" ? state.at : "status"}>
      <input type="hidden" name="orderId" value={id} />
      <Field label="Note (optional)" name="note" error={state.fieldErrors?.note}>
        <Input defaultValue={state.status === "error" ? state.values?.note : undefined} />
      </Field>
      {detail.nextFulfillment.length ? (
        <div className="grid gap-2">
          <p className="text-sm font-medium">Fulfillment</p>
          <div className="flex flex-wrap gap-2">
            {detail.nextFulfillment.map((s) => (
              <SubmitButton
                key={s}
                name="fulfillmentStatus"
                value={s}
                variant={s === "CANCELED" ? "destructive" : s === "ON_HOLD" ? "outline" : "default"}
              >
                {`Mark ${humanizeStatus(s).toLowerCase()}`}
              </SubmitButton>
            ))}
          </div>
        </div>
      ) : null}
      {detail.nextPayment.length ? (
        <div className="grid gap-2">
          <p className="text-sm font-medium">Payment</p>
          <div className="flex flex-wrap gap-2">
            {detail.nextPayment.map((s) => (
              <SubmitButton key={s} name="paymentStatus" value={s} variant="outline">
                {`Mark ${humanizeStatus(s).toLowerCase()}`}
              </SubmitButton>
            ))}
          </div>
        </div>
      ) : null}
      {state.status === "error" && state.message ? (
        <p role="alert" className="text-sm text-destructive">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/** Polls every second so a change made elsewhere (API, another tab) shows within 2 s. */
export function PlacedOrderLive({ initial }: { initial: PlacedOrderDetail }) {
  const { data } = useQuery<PlacedOrderDetail>({
    queryKey: ["placed-order", initial.order.id],
    queryFn: async () => {
      const res = await fetch(`/api/portal/placed-orders/${initial.order.id}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: 1000,
  });
  const detail = data ?? initial;
  const o = detail.order;
  const a = o.amounts;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="grid content-start gap-6">
        <Card className="gap-4">
          <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
            <CardTitle>Status</CardTitle>
            <div className="flex flex-wrap gap-2" data-testid="order-statuses">
              <StatusBadge status={o.paymentStatus} />
              <StatusBadge status={o.fulfillmentStatus} />
            </div>
          </CardHeader>
          <CardContent>
            <StatusActions detail={detail} />
          </CardContent>
        </Card>
        <SectionCard title="Vehicles" className="gap-4">
          <ul className="grid gap-3 text-sm">
            {o.vehicles.map((v, i) => (
              <li key={`${v.variantConfigId}-${i}`} className="rounded-md border p-3">
                <p className="font-semibold">
                  {v.modelYear} {v.name} · {usd.format(v.price)}
                </p>
                <p className="font-mono text-xs break-all text-muted-foreground">{v.variantConfigId}</p>
                {v.accessories.length ? (
                  <p className="text-muted-foreground">{v.accessories.map((x) => x.name).join(", ")}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </SectionCard>
        <SectionCard title="Buyer, delivery and registration" className="gap-4">
          <DetailRows
            side
            rows={[
              ["Buyer", `${o.buyer.firstName} ${o.buyer.lastName}`],
              ["Email", o.buyer.email],
              ["Phone", o.buyer.phone],
              [
                "Delivery",
                o.delivery.method === "SHIP"
                  ? `Ship to ${addressLine(o.delivery.shippingAddress)}`
                  : `Pick up at ${detail.pickUpDealerName ?? o.fulfillingDealer.name}`,
              ],
              [
                "Registered to",
                o.registration.type === "BUSINESS"
                  ? (o.registration.businessName ?? "A business")
                  : "The buyer",
              ],
              ["Registration address", addressLine(o.registration.address)],
              ["Mailing address", addressLine(o.registration.mailingAddress)],
            ]}
          />
        </SectionCard>
        <SectionCard title="History" className="gap-4">
          <Timeline items={detail.timeline} timeZone={detail.timeZone} />
        </SectionCard>
      </div>
      <div className="grid content-start gap-6">
        <SectionCard title="Amounts" className="gap-4">
          <DetailRows
            side
            rows={[
              ["Payment option", PAYMENT_OPTION_LABELS[o.paymentOption]],
              ["Vehicles", usd.format(a.vehicles)],
              ["Accessories", usd.format(a.accessories)],
              ["Items", usd.format(a.items)],
              ["Fees", usd.format(a.fees)],
              ["Discount", a.discount ? `−${usd.format(a.discount)}` : "—"],
              ["Total", usd.format(a.total)],
              ["Paid at checkout", usd.format(a.paidAtCheckout)],
              ["Balance", usd.format(a.balance)],
              ["Card", `${o.card.brand} ending ${o.card.last4}`],
            ]}
          />
        </SectionCard>
        <SectionCard title="From the OEM" className="gap-4" contentClassName="grid gap-3">
          <DetailRows
            side
            rows={[
              ["OEM", detail.oemName],
              [
                "Cart",
                <Link
                  key="cart"
                  href={`/checkout/carts/${encodeURIComponent(o.checkoutCartId)}`}
                  className="font-mono text-primary hover:underline"
                >
                  {o.checkoutCartId}
                </Link>,
              ],
              ["Source", o.source ?? "—"],
              ["Order type", `${o.typeOfOrder} (${o.orderCreationType})`],
              ["Ecomm user", o.ecommUserId ?? "—"],
              ["Ecomm order", o.ecommOrderId ?? "—"],
            ]}
          />
          <div className="grid gap-1">
            <p className="text-sm text-muted-foreground">Placed order metadata</p>
            <pre
              data-testid="order-metadata"
              className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs whitespace-pre-wrap break-all"
            >
              {o.placedOrderMetadata ? JSON.stringify(o.placedOrderMetadata, null, 2) : "None"}
            </pre>
          </div>
        </SectionCard>
      </div>
    </div>
  );
}
