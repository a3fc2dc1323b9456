"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { StatusBadge } from "@/components/status-badge";
import type { LineAction } from "@/lib/parts/line-lifecycle";
import type { CounterLine } from "@/lib/parts/queries";
import { cn } from "@/lib/utils";
import { LineActionButton } from "./line-action-button";

const STAGES: [string | undefined, string][] = [
  [undefined, "All"],
  ["pick", "To pick"],
  ["pack", "To pack"],
  ["ship", "To ship"],
  ["deliver", "In transit"],
  ["invoice", "To invoice"],
  ["backorder", "On back-order"],
];

/** The counter's queue, polled every 2 s; each line offers the steps it can take next. */
export function CounterBoard({
  stage,
  initial,
  timeZone,
  showDealer,
}: {
  stage?: string;
  initial: CounterLine[];
  timeZone: string;
  showDealer: boolean;
}) {
  const queryKey = ["parts-counter", stage ?? "all"];
  const { data: lines } = useQuery<CounterLine[]>({
    queryKey,
    queryFn: async () => {
      const res = await fetch(`/api/portal/parts-counter${stage ? `?stage=${stage}` : ""}`, {
        cache: "no-store",
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: 2000,
  });
  return (
    <div className="grid gap-4">
      <nav aria-label="Counter stages" className="flex flex-wrap gap-2">
        {STAGES.map(([s, label]) => (
          <Link
            key={label}
            href={s ? `/parts/counter?stage=${s}` : "/parts/counter"}
            aria-current={s === stage ? "page" : undefined}
            className={cn(
              "rounded-md border px-3 py-1.5 text-sm",
              s === stage ? "border-primary bg-primary text-primary-foreground" : "hover:bg-muted",
            )}
          >
            {label}
          </Link>
        ))}
      </nav>
      {lines.length === 0 ? (
        <EmptyState
          title="Nothing waiting"
          description="Lines appear here as orders come in and move along."
        />
      ) : (
        <ul className="grid gap-2" aria-label="Counter queue">
          {lines.map((l) => (
            <li
              key={l.orderLineId}
              data-testid="counter-line"
              data-order-id={l.partsOrderId}
              data-part-code={l.partCode}
              className="flex flex-col gap-2 rounded-md border p-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0 text-sm">
                <p className="font-medium">
                  {l.brandCode} {l.partCode} × {l.quantity}{" "}
                  <span data-testid="counter-line-status">
                    <StatusBadge status={l.status} />
                  </span>
                </p>
                <p className="text-muted-foreground">{l.description}</p>
                <p className="text-muted-foreground">
                  <Link className="text-primary underline" href={`/parts/orders/${l.partsOrderId}`}>
                    {l.companyName}
                  </Link>{" "}
                  · {l.orderType} · line {l.lineNumber} · {formatDateTime(l.createdAt, timeZone)}
                  {showDealer ? ` · ${l.dealerName}` : ""}
                  {l.expectedAt ? ` · expected ${formatDateTime(l.expectedAt, timeZone)}` : ""}
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                {l.actions
                  .filter((a) => a !== "cancel")
                  .map((a) => (
                    <LineActionButton
                      key={a}
                      orderId={l.partsOrderId}
                      lineId={l.orderLineId}
                      action={a as LineAction}
                      variant="default"
                      refresh={queryKey}
                    />
                  ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
