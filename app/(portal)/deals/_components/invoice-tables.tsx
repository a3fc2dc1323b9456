import Link from "next/link";
import type * as React from "react";
import { StatusBadge } from "@/components/status-badge";
import {
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { DealInvoice } from "@/lib/service-orders/queries";
import { cn } from "@/lib/utils";
import { typeLabel, usd } from "./format";

type Line = DealInvoice["lines"][number];
type SeparateLine = DealInvoice["paidSeparately"][number];
type UnpaidQuote = DealInvoice["awaitingPayment"][number];

const num = "text-right tabular-nums whitespace-nowrap";

function OrderRef({ id, link }: { id: string; link: boolean }) {
  return link ? (
    <Link className="font-mono text-primary hover:underline" href={`/service-orders/${id}`}>
      {id}
    </Link>
  ) : (
    <span className="font-mono">{id}</span>
  );
}

function QuoteRef({ id, link }: { id: string; link: boolean }) {
  return link ? (
    <Link className="font-mono text-primary hover:underline" href={`/quotes/${id}`}>
      {id}
    </Link>
  ) : (
    <span className="font-mono">{id}</span>
  );
}

/**
 * The orders rolled into the deal's total: one row group per order (its items, then its subtotal),
 * the total in the footer. Canceled orders keep their items for reference but count as $0 (their
 * payment was refunded).
 */
export function RolledUpOrdersTable({
  lines,
  total,
  label,
  linkIds = true,
}: {
  lines: Line[];
  total: number;
  /** Accessible name of the table. */
  label: string;
  /** Link order ids to their pages (off on the printable invoice). */
  linkIds?: boolean;
}) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>Item</TableHead>
          <TableHead className="text-right">Qty</TableHead>
          <TableHead className="text-right">Unit price</TableHead>
          <TableHead className="text-right">Amount</TableHead>
        </TableRow>
      </TableHeader>
      {lines.length === 0 ? (
        <TableBody>
          <TableRow>
            <TableCell colSpan={4} className="py-6 text-center text-muted-foreground">
              No orders are charged to this deal yet.
            </TableCell>
          </TableRow>
        </TableBody>
      ) : (
        lines.map((line) => {
          const canceled = line.status === "canceled";
          return (
            <TableBody key={line.order} className="border-b last:border-b-0">
              <TableRow className="bg-muted/40 hover:bg-muted/40">
                <TableHead scope="rowgroup" colSpan={4} className="h-auto py-2 text-sm text-foreground">
                  <span className="flex flex-wrap items-center gap-x-2 gap-y-1 whitespace-normal">
                    <span>
                      Order <OrderRef id={line.order} link={linkIds} />
                    </span>
                    <span className="font-normal text-muted-foreground">
                      {typeLabel(line.type)}
                      {line.vin ? ` · VIN ${line.vin}` : ""}
                    </span>
                    <StatusBadge status={line.status} />
                  </span>
                </TableHead>
              </TableRow>
              {line.items.map((item, i) => (
                <TableRow
                  key={`${item.service}-${i}`}
                  className={cn(canceled && "text-muted-foreground line-through")}
                >
                  <TableCell className="pl-6">{item.name}</TableCell>
                  <TableCell className={num}>{item.quantity}</TableCell>
                  <TableCell className={num}>{usd(item.price)}</TableCell>
                  <TableCell className={num}>{usd(item.amount)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableHead scope="row" colSpan={3} className="text-right text-sm">
                  {canceled
                    ? line.refunded
                      ? "Canceled, refunded"
                      : "Canceled, not charged"
                    : "Order subtotal"}
                </TableHead>
                <TableCell className={cn(num, "font-medium")}>{usd(line.amount)}</TableCell>
              </TableRow>
            </TableBody>
          );
        })
      )}
      <TableFooter>
        <TableRow className="hover:bg-transparent">
          <TableHead scope="row" colSpan={3} className="text-right text-sm text-foreground">
            Total due
          </TableHead>
          <TableCell className={cn(num, "text-base font-semibold")}>{usd(total)}</TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}

/** Orders the customer paid by card: listed for the record, not part of the total. */
export function PaidSeparatelyTable({
  lines,
  total,
  label,
  linkIds = true,
}: {
  lines: SeparateLine[];
  total: number;
  label: string;
  linkIds?: boolean;
}) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>Order</TableHead>
          <TableHead>Service</TableHead>
          <TableHead>Payment</TableHead>
          <TableHead className="text-right">Amount</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((line) => {
          const canceled = line.status === "canceled";
          return (
            <TableRow key={line.order}>
              <TableCell>
                <OrderRef id={line.order} link={linkIds} />
                {line.quote ? (
                  <span className="block text-xs text-muted-foreground">
                    Quote <QuoteRef id={line.quote} link={linkIds} />
                  </span>
                ) : null}
              </TableCell>
              <TableCell>
                {typeLabel(line.type)}
                {line.items.length ? (
                  <span className="block text-xs text-muted-foreground">
                    {line.items.map((i) => i.name).join(", ")}
                  </span>
                ) : null}
              </TableCell>
              <TableCell>
                {canceled ? (
                  <StatusBadge status="canceled" label={line.refunded ? "Canceled, refunded" : "Canceled"} />
                ) : (
                  <StatusBadge status="paid" label="Paid by card" />
                )}
              </TableCell>
              <TableCell className={num}>{usd(line.amount)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
      <TableFooter>
        <TableRow className="hover:bg-transparent">
          <TableHead scope="row" colSpan={3} className="text-right text-sm text-foreground">
            Total paid separately
          </TableHead>
          <TableCell className={cn(num, "font-semibold")}>{usd(total)}</TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}

/**
 * Unpaid quotes on the deal: those still waiting for the customer's payment (not in any total yet),
 * or, in a separate table, those that expired or were canceled (never charged).
 */
export function UnpaidQuotesTable({
  quotes,
  label,
  linkIds = true,
  checkoutLinks,
}: {
  quotes: UnpaidQuote[];
  label: string;
  linkIds?: boolean;
  /** Extra cell per quote (e.g. a copy button for its pay link). */
  checkoutLinks?: Record<string, React.ReactNode>;
}) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>Quote</TableHead>
          <TableHead>Service</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Amount</TableHead>
          {checkoutLinks ? (
            <TableHead>
              <span className="sr-only">Pay link</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {quotes.map((q) => (
          <TableRow key={q.quote}>
            <TableCell>
              <QuoteRef id={q.quote} link={linkIds} />
            </TableCell>
            <TableCell>{typeLabel(q.type)}</TableCell>
            <TableCell>
              <StatusBadge status={q.status} />
            </TableCell>
            <TableCell className={num}>{usd(q.total)}</TableCell>
            {checkoutLinks ? <TableCell className="text-right">{checkoutLinks[q.quote]}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
