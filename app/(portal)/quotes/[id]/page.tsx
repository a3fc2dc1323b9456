import type { Metadata } from "next";
import Link from "next/link";
import { CopyButton } from "@/components/copy-button";
import { DateTime } from "@/components/date-time";
import { LineItemsTable } from "@/components/line-items-table";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, SectionCard } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { withRequestOrigin } from "@/lib/platform/origin";
import { getQuote } from "@/lib/service-orders/queries";
import { CancelQuoteForm } from "./cancel-quote";
import { PayOnAccountButton } from "./pay-on-account";

export const metadata: Metadata = { title: "Quote" };

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export default async function QuotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUserPage();
  const db = getDb();
  const quote = await withRequestOrigin(() => loadOr404(() => getQuote(db, actor, id)));
  const tz = timeZoneFor(db, actor.dealerId);
  const kind =
    quote.type === "reconditioning"
      ? "Reconditioning"
      : `Concierge ${quote.services[0] === "search" ? "Search" : "Buy"}`;
  const vehicle = quote.vehicle as { year?: number; make?: string; model?: string } | null;
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title={`${kind} quote`}
        description={`${quote.id}${quote.vin ? ` · VIN ${quote.vin}` : ""}${vehicle?.make ? ` · ${vehicle.year} ${vehicle.make} ${vehicle.model}` : ""}`}
      >
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <StatusBadge status={quote.status} />
          {quote.deal ? (
            <Link className="text-primary hover:underline" href={`/deals/${quote.deal}`}>
              Deal {quote.deal}
            </Link>
          ) : null}
        </div>
      </PageHeader>
      {quote.status === "awaiting-payment" ? (
        <SectionCard title="Payment link" contentClassName="grid gap-3">
          <p className="text-sm text-muted-foreground">
            Send this link to the customer. Paying it creates the service order.
          </p>
          <div className="flex items-center gap-2">
            <code
              data-testid="pay-link"
              className="min-w-0 flex-1 break-all rounded bg-muted px-2 py-1 text-xs"
            >
              {quote.checkoutLink}
            </code>
            <CopyButton value={quote.checkoutLink} aria-label="Copy payment link" />
          </div>
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="outline">
              <a href={quote.checkoutLink} target="_blank" rel="noreferrer">
                Open payment page
              </a>
            </Button>
            <PayOnAccountButton quoteId={quote.id} total={usd.format(quote.total)} />
          </div>
        </SectionCard>
      ) : null}
      {quote.status === "expired" || quote.status === "canceled" ? (
        <section
          aria-label="Quote no longer payable"
          className="grid gap-1 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950"
        >
          {quote.status === "expired" ? (
            <p>
              This quote expired on <DateTime value={quote.expiresAt} timeZone={tz} /> and can no longer be
              paid. Create a new quote if the customer still wants the work.
            </p>
          ) : (
            <p>
              Canceled on <DateTime value={quote.canceledAt} timeZone={tz} />
              {quote.cancelReason ? `: ${quote.cancelReason}` : "."} The pay link tells the customer so.
            </p>
          )}
        </section>
      ) : null}
      {quote.order ? (
        <Card>
          <CardContent className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm">Paid. The service order is {quote.order}.</p>
            <Button asChild>
              <Link href={`/service-orders/${quote.order}`}>View order</Link>
            </Button>
          </CardContent>
        </Card>
      ) : null}
      <SectionCard title="Items" contentClassName="grid gap-3">
        <LineItemsTable items={quote.items} total={quote.total} totalTestId="quote-total" />
        {quote.status === "awaiting-payment" ? (
          <p className="text-sm text-muted-foreground" data-testid="quote-estimate">
            Estimated completion if paid now: <DateTime value={quote.estimatedTime} timeZone={tz} /> (work
            starts when it is paid). Expires <DateTime value={quote.expiresAt} timeZone={tz} />.
          </p>
        ) : quote.status === "paid" ? (
          <p className="text-sm text-muted-foreground" data-testid="quote-estimate">
            Estimated completion when it was paid: <DateTime value={quote.estimatedTime} timeZone={tz} />.
          </p>
        ) : null}
      </SectionCard>
      {quote.status === "awaiting-payment" || quote.status === "expired" ? (
        <CancelQuoteForm quoteId={quote.id} />
      ) : null}
    </div>
  );
}
