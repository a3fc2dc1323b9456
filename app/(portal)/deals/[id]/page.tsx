import { ArrowLeft, FileText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CopyButton } from "@/components/copy-button";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { hasScope } from "@/lib/platform/actor";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { getDealDetail } from "@/lib/service-orders/queries";
import { AttachForm } from "../_components/attach-form";
import { usd, vehicleIds, vehicleTitle } from "../_components/format";
import { PaidSeparatelyTable, RolledUpOrdersTable, UnpaidQuotesTable } from "../_components/invoice-tables";

export const metadata: Metadata = { title: "Deal" };

const backLinkClass =
  "no-print inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:underline";

export default async function DealPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUserPage();
  const db = getDb();
  const { invoice, quotes } = loadOr404(() => getDealDetail(db, actor, id));
  const { deal } = invoice;
  const timeZone = timeZoneFor(db, actor.dealerId);
  const canWrite = hasScope(actor.scopes, "deals.write");
  const title = vehicleTitle(deal.vehicle);
  const ids = vehicleIds(deal.vehicle);
  const contact = [deal.customer.email, deal.customer.phone].filter(Boolean);
  const payLinks = Object.fromEntries(
    quotes.map((q) => [
      q.id,
      <CopyButton key={q.id} value={q.checkoutLink} aria-label={`Copy pay link for ${q.id}`}>
        Copy pay link
      </CopyButton>,
    ]),
  );
  return (
    <div className="grid grid-cols-1 gap-6">
      <Link href="/deals" className={backLinkClass}>
        <ArrowLeft className="size-4" aria-hidden="true" />
        All deals
      </Link>
      <PageHeader
        title={deal.customer.name}
        actions={
          <Button asChild variant="outline">
            <Link href={`/deals/${deal.id}/invoice`}>
              <FileText aria-hidden="true" />
              Printable invoice
            </Link>
          </Button>
        }
      >
        <dl className="mt-1 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted-foreground">Deal</dt>
          <dd className="font-mono break-all">{deal.id}</dd>
          {contact.length ? (
            <>
              <dt className="text-muted-foreground">Contact</dt>
              <dd className="break-all">{contact.join(" · ")}</dd>
            </>
          ) : null}
          <dt className="text-muted-foreground">Vehicle</dt>
          <dd>
            {title || ids ? (
              <>
                {title}
                {title && ids ? " · " : null}
                {ids ? <span className="font-mono break-all">{ids}</span> : null}
              </>
            ) : (
              <span className="text-muted-foreground">Not recorded</span>
            )}
          </dd>
          <dt className="text-muted-foreground">Opened</dt>
          <dd>
            <DateTime value={deal.createdAt} timeZone={timeZone} />
          </dd>
        </dl>
      </PageHeader>

      <Card>
        <CardHeader>
          <CardTitle>Deal total</CardTitle>
          <CardDescription>Orders charged to the dealership&apos;s account on this deal.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-1">
          <p className="text-4xl font-semibold tracking-tight tabular-nums" data-testid="deal-total">
            {usd(invoice.total)}
          </p>
          {invoice.paidSeparately.length ? (
            <p className="text-sm text-muted-foreground">
              Plus {usd(invoice.paidSeparatelyTotal)} paid separately by card (not included).
            </p>
          ) : null}
          {invoice.refundedTotal > 0 ? (
            <p className="text-sm text-muted-foreground">
              {usd(invoice.refundedTotal)} refunded for canceled orders (not included).
            </p>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Invoice summary</CardTitle>
          <CardDescription>
            Service orders rolled into the deal&apos;s total. Canceled orders are shown at $0, refunded.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <RolledUpOrdersTable lines={invoice.lines} total={invoice.total} label="Orders on this deal" />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Paid separately</CardTitle>
          <CardDescription>Quotes the customer paid by card; listed for the record.</CardDescription>
        </CardHeader>
        <CardContent>
          {invoice.paidSeparately.length ? (
            <PaidSeparatelyTable
              lines={invoice.paidSeparately}
              total={invoice.paidSeparatelyTotal}
              label="Paid separately"
            />
          ) : (
            <p className="text-sm text-muted-foreground">Nothing on this deal was paid separately.</p>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Quotes awaiting payment</CardTitle>
          <CardDescription>
            Not in the total until paid. Send the customer the quote&apos;s pay link.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {invoice.awaitingPayment.length ? (
            <UnpaidQuotesTable
              quotes={invoice.awaitingPayment}
              label="Quotes awaiting payment"
              checkoutLinks={payLinks}
            />
          ) : (
            <p className="text-sm text-muted-foreground">No quotes on this deal are waiting for payment.</p>
          )}
        </CardContent>
      </Card>

      {invoice.expiredOrCanceled.length ? (
        <Card>
          <CardHeader>
            <CardTitle>Expired and canceled quotes</CardTitle>
            <CardDescription>Can no longer be paid; never charged and in no total.</CardDescription>
          </CardHeader>
          <CardContent>
            <UnpaidQuotesTable quotes={invoice.expiredOrCanceled} label="Expired and canceled quotes" />
          </CardContent>
        </Card>
      ) : null}

      {canWrite ? (
        <Card className="no-print">
          <CardHeader>
            <CardTitle>Attach quotes and orders</CardTitle>
            <CardDescription>
              Enter a quote ID and/or a service order ID. A paid quote brings its order with it.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <AttachForm dealId={deal.id} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
