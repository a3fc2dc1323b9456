import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { getDealer } from "@/lib/platform/identity/dealers";
import { dealInvoice } from "@/lib/service-orders/queries";
import { formatDate, vehicleIds, vehicleTitle } from "../../_components/format";
import {
  PaidSeparatelyTable,
  RolledUpOrdersTable,
  UnpaidQuotesTable,
} from "../../_components/invoice-tables";
import { PrintButton } from "../../_components/print-button";

export const metadata: Metadata = { title: "Invoice" };

export default async function DealInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUserPage();
  const db = getDb();
  const invoice = loadOr404(() => dealInvoice(db, actor, id));
  const { deal } = invoice;
  const dealer = actor.dealerId ? getDealer(db, actor.dealerId) : undefined;
  const timeZone = dealer?.timeZone ?? "UTC";
  const title = vehicleTitle(deal.vehicle);
  const ids = vehicleIds(deal.vehicle);
  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link
          href={`/deals/${deal.id}`}
          className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline"
        >
          <ArrowLeft className="size-4" aria-hidden="true" />
          Back to deal
        </Link>
        <PrintButton />
      </div>

      <article
        aria-labelledby="invoice-title"
        className="grid gap-8 rounded-lg border bg-background p-4 sm:p-8 print:border-0 print:p-0"
      >
        <header className="flex flex-col gap-6 sm:flex-row sm:items-start sm:justify-between">
          <div>
            <p className="text-lg font-semibold">{dealer?.name ?? "Forecourt"}</p>
            {dealer ? (
              <p className="text-sm text-muted-foreground">
                {dealer.city}, {dealer.state}
              </p>
            ) : null}
          </div>
          <div className="sm:text-right">
            <h1 id="invoice-title" className="text-2xl font-semibold tracking-tight">
              Invoice
            </h1>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:justify-end">
              <dt className="text-muted-foreground">Deal</dt>
              <dd className="font-mono break-all">{deal.id}</dd>
              <dt className="text-muted-foreground">Date</dt>
              <dd>{formatDate(new Date(), timeZone)}</dd>
              <dt className="text-muted-foreground">Deal opened</dt>
              <dd>{formatDate(deal.createdAt, timeZone)}</dd>
            </dl>
          </div>
        </header>

        <section aria-label="Customer and vehicle" className="grid gap-6 sm:grid-cols-2">
          <div>
            <h2 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">Bill to</h2>
            <p className="mt-1 font-medium">{deal.customer.name}</p>
            {deal.customer.email ? <p className="text-sm break-all">{deal.customer.email}</p> : null}
            {deal.customer.phone ? <p className="text-sm">{deal.customer.phone}</p> : null}
          </div>
          <div>
            <h2 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">Vehicle</h2>
            {title || ids ? (
              <>
                {title ? <p className="mt-1 font-medium">{title}</p> : null}
                {ids ? <p className="text-sm font-mono break-all">{ids}</p> : null}
              </>
            ) : (
              <p className="mt-1 text-sm text-muted-foreground">Not recorded</p>
            )}
          </div>
        </section>

        <section aria-labelledby="charges-heading" className="grid gap-3">
          <h2 id="charges-heading" className="text-base font-semibold">
            Charges
          </h2>
          <RolledUpOrdersTable lines={invoice.lines} total={invoice.total} label="Charges" linkIds={false} />
        </section>

        {invoice.paidSeparately.length ? (
          <section aria-labelledby="paid-heading" className="grid gap-3">
            <h2 id="paid-heading" className="text-base font-semibold">
              Paid separately
            </h2>
            <p className="text-sm text-muted-foreground">
              Paid by the customer by card; not included in the total due.
            </p>
            <PaidSeparatelyTable
              lines={invoice.paidSeparately}
              total={invoice.paidSeparatelyTotal}
              label="Paid separately"
              linkIds={false}
            />
          </section>
        ) : null}

        {invoice.awaitingPayment.length ? (
          <section aria-labelledby="awaiting-heading" className="grid gap-3">
            <h2 id="awaiting-heading" className="text-base font-semibold">
              Quotes awaiting payment
            </h2>
            <p className="text-sm text-muted-foreground">Not yet paid; not included in the total due.</p>
            <UnpaidQuotesTable
              quotes={invoice.awaitingPayment}
              label="Quotes awaiting payment"
              linkIds={false}
            />
          </section>
        ) : null}
        {invoice.expiredOrCanceled.length ? (
          <section aria-labelledby="closed-heading" className="grid gap-3">
            <h2 id="closed-heading" className="text-base font-semibold">
              Expired and canceled quotes
            </h2>
            <p className="text-sm text-muted-foreground">Never charged; not included in the total due.</p>
            <UnpaidQuotesTable
              quotes={invoice.expiredOrCanceled}
              label="Expired and canceled quotes"
              linkIds={false}
            />
          </section>
        ) : null}
      </article>
    </div>
  );
}
