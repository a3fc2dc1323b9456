"use client";

import { useQuery } from "@tanstack/react-query";
import { Check } from "lucide-react";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { getTrackingView } from "@/lib/moves/queries";
import { cn } from "@/lib/utils";
import { DetailList } from "../../../_components/summary";
import { LocalTime } from "./local-time";

export type TrackingView = NonNullable<ReturnType<typeof getTrackingView>>;
type Leg = TrackingView["moves"][number];
type StepKey = keyof Leg["steps"];

const POLL_MS = 2_000;

/** The driver's steps in order; each status names the step it has reached ("pickup started"). */
const STEPS: readonly { key: StepKey; status: string; label: string }[] = [
  { key: "dispatched", status: "dispatched", label: "Dispatched" },
  { key: "pickup_started", status: "pickup started", label: "Driver on the way to pick up" },
  { key: "pickup_arrived", status: "pickup arrived", label: "Arrived at pickup" },
  { key: "pickup_successful", status: "pickup successful", label: "Picked up" },
  { key: "delivery_started", status: "delivery started", label: "On the way to deliver" },
  { key: "delivery_arrived", status: "delivery arrived", label: "Arrived" },
  { key: "delivery_successful", status: "delivery successful", label: "Delivered" },
];

/** A cancelation that went through (in full or part-way). "failed" means the move goes ahead. */
const isCanceled = (leg: Leg) => leg.cancel_status === "succeeded" || leg.cancel_status === "partial";
const isDelivered = (leg: Leg) => leg.status === "delivery successful";
/** Nothing more will happen to this leg, so there is nothing more to wait for. */
const isFinished = (leg: Leg) => isCanceled(leg) || isDelivered(leg);

async function fetchTracking(token: string, signal: AbortSignal): Promise<TrackingView> {
  const res = await fetch(`/api/public/track/${encodeURIComponent(token)}`, { cache: "no-store", signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

/**
 * "2011 Buick Enclave (white)"; "stock #LOAN01" when only the stock number is known; null when the
 * vehicle isn't known yet (a loaner not chosen).
 */
function vehicleText(v: Leg["vehicle"]): string | null {
  const name = [v.year, v.make, v.model].filter(Boolean).join(" ");
  if (!name) return v.stock ? `stock #${v.stock}` : null;
  return v.color ? `${name} (${v.color.toLowerCase()})` : name;
}

function legTitle(leg: Leg): string {
  const vehicle = vehicleText(leg.vehicle);
  if (leg.move_type === "loaner") return `Loaner: ${vehicle ?? "to be assigned"}`;
  return `Your vehicle: ${vehicle ?? "as booked"}`;
}

/** What this leg does, in the customer's words. */
function legPurpose(leg: Leg, action: TrackingView["customerAction"]): string {
  if (leg.move_type === "loaner") {
    return action === "pickup"
      ? "We bring a loaner to you."
      : "We take the loaner back to the service center.";
  }
  return action === "pickup"
    ? "We pick up your vehicle and take it to the service center."
    : "We bring your vehicle back to you.";
}

function greeting(view: TrackingView): string {
  const parts = view.moves.map((leg) => legPurpose(leg, view.customerAction).replace(/^We |\.$/g, ""));
  const plan = parts.length ? `we'll ${parts.join(", then ")}.` : "here's where your move stands.";
  return `Hi ${view.customerName}, ${plan}`;
}

function CancelNotice({ leg }: { leg: Leg }) {
  const text =
    leg.cancel_status === "pending"
      ? "This trip is being canceled. We'll confirm here shortly."
      : leg.cancel_status === "partial"
        ? "This trip was canceled before it could be completed."
        : leg.cancel_status === "succeeded"
          ? "This trip was canceled."
          : null;
  if (!text) return null;
  return (
    <p
      data-testid="leg-canceled"
      data-cancel-status={leg.cancel_status}
      className="rounded-md border border-red-200 bg-red-50 p-3 text-sm font-medium text-red-800"
    >
      {text} Questions? Contact your dealership.
    </p>
  );
}

function LegStatus({ leg }: { leg: Leg }) {
  const canceled = isCanceled(leg);
  const status = canceled ? "canceled" : (leg.status ?? "scheduled");
  return (
    <span className="inline-flex items-center text-sm">
      <span className="sr-only">Status: </span>
      <span data-testid="leg-status" data-status={status} aria-live="polite" aria-atomic="true">
        <StatusBadge status={status} />
      </span>
    </span>
  );
}

const STEP_TEXT = "flex min-w-0 flex-1 flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 pt-0.5";

function StepList({ leg, label }: { leg: Leg; label: string }) {
  const reached = STEPS.findIndex((s) => s.status === leg.status);
  const current = isCanceled(leg) ? -1 : reached;
  const done = STEPS.map((s, i) => i <= reached || leg.steps[s.key] !== null);
  return (
    <ol aria-label={label} className="grid gap-1">
      {STEPS.map((step, i) => {
        const isCurrent = i === current;
        const last = i === STEPS.length - 1;
        return (
          <li
            key={step.key}
            data-testid="step"
            data-step={step.key}
            data-done={done[i] ? "true" : "false"}
            aria-current={isCurrent ? "step" : undefined}
            className={cn(
              "relative flex items-start gap-3 rounded-md px-2 py-2",
              isCurrent && "bg-primary/10",
            )}
          >
            {last ? null : (
              <span
                aria-hidden="true"
                className={cn(
                  "absolute top-8 -bottom-3 left-[19px] w-0.5",
                  done[i + 1] ? "bg-primary" : "bg-border",
                )}
              />
            )}
            <span
              aria-hidden="true"
              className={cn(
                "relative flex size-6 shrink-0 items-center justify-center rounded-full border-2",
                done[i] ? "border-primary bg-primary text-primary-foreground" : "border-border bg-background",
                isCurrent && "ring-4 ring-primary/25",
              )}
            >
              {done[i] ? <Check className="size-3.5" strokeWidth={3} /> : null}
            </span>
            <div className={STEP_TEXT}>
              <span
                className={cn(
                  "text-sm",
                  isCurrent ? "font-semibold" : done[i] ? "font-medium" : "text-muted-foreground",
                )}
              >
                {step.label}
              </span>
              <LocalTime
                value={leg.steps[step.key]}
                variant="short"
                className="text-sm text-muted-foreground"
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function LegCard({
  leg,
  index,
  count,
  action,
}: {
  leg: Leg;
  index: number;
  count: number;
  action: TrackingView["customerAction"];
}) {
  const titleId = `leg-${leg.move_id}-title`;
  const title = legTitle(leg);
  const driver = leg.status && leg.driver_name ? leg.driver_name : null;
  return (
    <Card
      data-testid="leg"
      data-move-id={leg.move_id}
      data-move-type={leg.move_type}
      aria-labelledby={titleId}
      role="group"
      className="gap-4"
    >
      <CardHeader>
        {count > 1 ? (
          <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">
            Trip {index + 1} of {count}
          </p>
        ) : null}
        <div className="flex flex-wrap items-start justify-between gap-2">
          <CardTitle id={titleId} className="min-w-0 break-words">
            {title}
          </CardTitle>
          <LegStatus leg={leg} />
        </div>
        <CardDescription>{legPurpose(leg, action)}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <CancelNotice leg={leg} />
        <DetailList
          className="sm:grid-cols-[6rem_1fr]"
          rows={[
            ["From", leg.from],
            ["To", leg.to],
            ["Driver", driver],
          ]}
        />
        <StepList leg={leg} label={`Progress: ${title}`} />
      </CardContent>
    </Card>
  );
}

/** The booking's legs and each driver step; polls every 2 s until every leg is delivered or canceled. */
export function LiveTracking({ token, initial }: { token: string; initial: TrackingView }) {
  const { data, isError } = useQuery({
    queryKey: ["public-tracking", token],
    queryFn: ({ signal }) => fetchTracking(token, signal),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.moves.every(isFinished) ? false : POLL_MS),
    retry: 1,
  });
  const finished = data.moves.every(isFinished);

  return (
    <div className="grid gap-6">
      <Card className="gap-4">
        <CardContent className="grid gap-4">
          <p className="text-base" data-testid="greeting">
            {greeting(data)}
          </p>
          <DetailList
            rows={[
              ["Appointment", <LocalTime key="appointment" value={data.appointment} />],
              ["Ready by", <LocalTime key="ready-by" value={data.readyBy} />],
            ]}
          />
          <p className="text-xs text-muted-foreground">
            Your driver leaves the service center at the ready-by time and is due to reach you at the
            appointment time. Times are in your device's time zone.
          </p>
          <p role="status" className="text-xs text-muted-foreground" data-testid="live-note">
            {isError
              ? "Couldn't check for updates just now; trying again."
              : finished
                ? "All done: nothing more will change here."
                : "This page updates by itself."}
          </p>
        </CardContent>
      </Card>

      <ol aria-label={data.moves.length > 1 ? "Your trips" : "Your trip"} className="grid gap-4">
        {data.moves.map((leg, i) => (
          <li key={leg.move_id}>
            <LegCard leg={leg} index={i} count={data.moves.length} action={data.customerAction} />
          </li>
        ))}
      </ol>
    </div>
  );
}
