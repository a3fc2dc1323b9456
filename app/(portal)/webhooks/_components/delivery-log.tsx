"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect } from "react";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { StatusBadge } from "@/components/status-badge";
import { Skeleton } from "@/components/ui/skeleton";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { idleState } from "@/lib/platform/form-state";
import type { DeliveryDto } from "@/lib/platform/webhooks/queries";
import { resendDeliveryAction } from "../actions";

interface DeliveryPage {
  data: DeliveryDto[];
  nextCursor: string | null;
}

function ResendButton({ deliveryId, onDone }: { deliveryId: string; onDone: () => void }) {
  const [state, action] = useActionState(resendDeliveryAction, idleState);
  useFormToast(state);
  useEffect(() => {
    if (state.status === "ok") onDone();
  }, [state, onDone]);
  return (
    <form action={action}>
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton size="sm" variant="outline" pendingLabel="Queuing…">
        Resend
      </SubmitButton>
    </form>
  );
}

function Attempts({ delivery, timeZone }: { delivery: DeliveryDto; timeZone: string }) {
  if (delivery.attempts.length === 0) return <p className="text-sm text-muted-foreground">No attempt yet.</p>;
  return (
    <ol className="grid gap-2" aria-label={`Attempts for ${delivery.eventType}`}>
      {delivery.attempts.map((a) => (
        <li key={a.attemptNumber} className="rounded-md border bg-background p-2 text-sm">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium">Attempt {a.attemptNumber}</span>
            <DateTime value={a.at} timeZone={timeZone} />
            <span data-testid="attempt-status">
              {a.httpStatus !== null ? `HTTP ${a.httpStatus}` : "No response"}
            </span>
            <span>{a.latencyMs !== null ? `${a.latencyMs} ms` : ""}</span>
            <StatusBadge status={a.succeeded ? "succeeded" : "failed"} />
          </div>
          {a.error ? <p className="mt-1 text-destructive">{a.error}</p> : null}
          {a.responseExcerpt ? (
            <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 font-mono text-xs">
              {a.responseExcerpt}
            </pre>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Live delivery log: polls every 1.5 s so new attempts appear without reloading. */
export function DeliveryLog({
  query,
  timeZone,
  canResend,
}: {
  query: string;
  timeZone: string;
  canResend: boolean;
}) {
  const queryClient = useQueryClient();
  const key = ["webhook-deliveries", query];
  const { data, isPending, isError } = useQuery<DeliveryPage>({
    queryKey: key,
    queryFn: async () => {
      const res = await fetch(`/api/portal/webhook-deliveries?${query}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
    refetchInterval: 1500,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  if (isPending) {
    return (
      <div className="grid gap-2" role="status" aria-busy="true" aria-label="Loading deliveries">
        <Skeleton className="h-12" />
        <Skeleton className="h-12" />
        <Skeleton className="h-12" />
      </div>
    );
  }
  if (isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        Could not load the delivery log.
      </p>
    );
  if (data.data.length === 0) {
    return (
      <EmptyState
        title="No deliveries"
        description="Events sent to your endpoints appear here with every attempt."
      />
    );
  }
  return (
    <ul className="grid gap-2" aria-label="Deliveries">
      {data.data.map((d) => (
        <li key={d.id} className="rounded-lg border" data-testid="delivery">
          <details>
            <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 p-3 text-sm">
              <StatusBadge status={d.status} />
              <span className="font-mono font-medium">{d.eventType}</span>
              <span className="min-w-0 truncate text-muted-foreground">{d.endpointUrl}</span>
              <span className="text-muted-foreground">
                {d.attemptCount} attempt{d.attemptCount === 1 ? "" : "s"}
                {d.lastHttpStatus !== null ? ` · last HTTP ${d.lastHttpStatus}` : ""}
              </span>
              <span className="ml-auto text-muted-foreground">
                <DateTime value={d.createdAt} timeZone={timeZone} />
              </span>
            </summary>
            <div className="grid gap-3 border-t bg-muted/40 p-3">
              <p className="text-xs text-muted-foreground">
                Event <code>{d.eventId}</code> · delivery <code>{d.id}</code>
                {d.nextAttemptAt ? (
                  <>
                    {" "}
                    · next attempt <DateTime value={d.nextAttemptAt} timeZone={timeZone} />
                  </>
                ) : null}
              </p>
              <Attempts delivery={d} timeZone={timeZone} />
              {canResend ? <ResendButton deliveryId={d.id} onDone={refresh} /> : null}
            </div>
          </details>
        </li>
      ))}
      {data.nextCursor ? (
        <li>
          <a
            className="text-sm text-primary underline"
            href={`?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), cursor: data.nextCursor })}`}
          >
            Older deliveries
          </a>
        </li>
      ) : null}
    </ul>
  );
}
