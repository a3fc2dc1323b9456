import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { DateTime, DEFAULT_TIME_ZONE } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle, SectionCard } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getQuoteForPayment } from "@/lib/service-orders/queries";
import {
  addressLabel,
  formatDollars,
  searchLabel,
  serviceLabel,
  vehicleLabel,
  zoneLabel,
} from "../../_components/format";
import { DetailList, LineItems } from "../../_components/summary";
import { PayForm } from "./_components/pay-form";

export const metadata: Metadata = { title: "Pay your quote", robots: { index: false, follow: false } };

type PayState = "awaiting-payment" | "paid" | "expired" | "canceled";

export default async function PayPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const data = getQuoteForPayment(getDb(), token);
  if (!data) notFound();
  const { quote, dealerName, receiptToken, lastDecline } = data;
  // The dealer's zone when the query provides it; otherwise the product default (named on the page).
  const timeZone = data.timeZone ?? DEFAULT_TIME_ZONE;
  // Derived when read: an unpaid quote past its expiry is already "expired" here.
  const state: PayState = quote.status;
  const total = formatDollars(quote.total);
  const service = serviceLabel(quote.type, quote.services);
  const vin = quote.vin ?? quote.vehicle?.vin ?? null;

  const heading: Record<PayState, string> = {
    "awaiting-payment": "Review and pay",
    paid: "Payment received",
    expired: "This quote has expired",
    canceled: "This quote was canceled",
  };

  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <p className="text-sm text-muted-foreground">
          Quote from <span className="font-medium text-foreground">{dealerName}</span>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{heading[state]}</h1>
        {state === "awaiting-payment" ? (
          <p className="text-sm text-muted-foreground">
            Check the details below, then pay {total} to book your {service.toLowerCase()}.
          </p>
        ) : null}
      </div>

      {state === "paid" ? (
        <section
          aria-label="Payment confirmation"
          className="grid gap-3 rounded-lg border border-green-200 bg-green-50 p-4 text-green-900"
        >
          <p>
            {quote.order ? (
              <>
                Your service order <span className="font-mono font-medium break-all">{quote.order}</span> is
                booked.
              </>
            ) : (
              "Your service order is booked."
            )}
          </p>
          <p className="text-sm">{dealerName} will keep you posted.</p>
          {receiptToken ? (
            <Button asChild size="lg" className="h-11 w-full sm:w-fit">
              <Link href={`/receipt/${receiptToken}`}>View your order status</Link>
            </Button>
          ) : null}
        </section>
      ) : null}

      {state === "expired" || state === "canceled" ? (
        <section
          aria-label="Quote no longer payable"
          className="grid gap-1 rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-950"
        >
          <p>
            {state === "expired"
              ? "This quote can no longer be paid because it expired."
              : `${dealerName} canceled this quote, so it can no longer be paid.`}{" "}
            Nothing was charged.
          </p>
          <p className="text-sm">
            Contact {dealerName} if you still need this service; they can send a new quote.
          </p>
        </section>
      ) : null}

      <Card className="gap-4">
        <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle>Quote summary</CardTitle>
          <StatusBadge status={state} />
        </CardHeader>
        <CardContent className="grid gap-5">
          <DetailList
            rows={[
              ["Service", service],
              ["Vehicle", vehicleLabel(quote.vehicle)],
              ["VIN", vin ? <Mono key="vin">{vin}</Mono> : null],
              ["Stock number", quote.stock],
              ["Looking for", quote.type === "concierge" ? searchLabel(quote.search) : null],
              ["Deliver to", addressLabel(quote.deliveryAddress)],
              [
                state === "paid" ? "Estimated completion" : "Estimated completion if paid now",
                quote.estimatedTime ? (
                  <DateTime key="eta" value={quote.estimatedTime} timeZone={timeZone} />
                ) : null,
              ],
              [
                "Pay by",
                state === "awaiting-payment" ? (
                  <DateTime key="expires" value={quote.expiresAt} timeZone={timeZone} />
                ) : null,
              ],
              ["Quote reference", <Mono key="ref">{quote.id}</Mono>],
            ]}
          />
          <LineItems items={quote.items} total={quote.total} />
          <p className="text-xs text-muted-foreground">Times are shown in {zoneLabel(timeZone)}.</p>
        </CardContent>
      </Card>

      {state === "awaiting-payment" ? (
        <SectionCard title="Pay by card" className="gap-4">
          <PayForm token={token} amount={total} lastDecline={lastDecline} />
        </SectionCard>
      ) : null}
    </div>
  );
}

function Mono({ children }: { children: ReactNode }) {
  return <span className="font-mono break-all">{children}</span>;
}
