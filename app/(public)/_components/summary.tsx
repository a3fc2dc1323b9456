import type * as React from "react";
import { cn } from "@/lib/utils";
import { formatDollars, lineTotal } from "./format";

/** Label/value rows; stacks on narrow screens. Rows with an empty value are left out. */
export function DetailList({
  rows,
  className,
}: {
  rows: [label: string, value: React.ReactNode][];
  className?: string;
}) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== "");
  return (
    <dl className={cn("grid gap-3 text-sm sm:grid-cols-[10rem_1fr] sm:gap-x-4", className)}>
      {shown.map(([label, value]) => (
        <div key={label} className="grid gap-0.5 sm:contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0 break-words font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface LineItemLike {
  service: string;
  name: string;
  description: string;
  price: number;
  quantity: number;
}

/** The quote's or order's items, each with quantity and price, and the total. */
export function LineItems({ items, total }: { items: LineItemLike[]; total: number }) {
  return (
    <div className="grid gap-3">
      <ul aria-label="Items" className="divide-y rounded-md border">
        {items.map((item, i) => (
          <li key={`${item.service}-${i}`} className="flex items-start justify-between gap-3 p-3">
            <div className="min-w-0">
              <p className="font-medium break-words">{item.name}</p>
              {item.description ? (
                <p className="text-sm break-words text-muted-foreground">{item.description}</p>
              ) : null}
              <p className="mt-1 text-sm text-muted-foreground">
                Qty {item.quantity} × <span className="tabular-nums">{formatDollars(item.price)}</span>
              </p>
            </div>
            <span className="shrink-0 font-medium tabular-nums">
              {formatDollars(lineTotal(item.price, item.quantity))}
            </span>
          </li>
        ))}
      </ul>
      <p className="flex items-baseline justify-between gap-3 px-3 text-base font-semibold">
        <span>Total</span>
        <span className="tabular-nums" data-testid="total">
          {formatDollars(total)}
        </span>
      </p>
    </div>
  );
}
