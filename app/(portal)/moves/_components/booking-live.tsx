"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect } from "react";
import { CopyButton } from "@/components/copy-button";
import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { Card, CardContent, SectionCard } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import type { BookingView } from "@/lib/moves/queries";
import { type FormState, idleState } from "@/lib/platform/form-state";
import { assignLoanerAction, cancelMoveAction, patchMoveAction } from "../actions";

export type BookingDetail = BookingView & {
  timeline: { at: string; status: string | null; note: string | null; by: string; moveId: number }[];
};
type Leg = BookingView["moves"][number];

const STEPS: [keyof Leg, string][] = [
  ["dispatched", "Dispatched"],
  ["pickup_started", "Pickup started"],
  ["pickup_arrived", "Arrived at pickup"],
  ["pickup_successful", "Picked up"],
  ["delivery_started", "Delivery started"],
  ["delivery_arrived", "Arrived at delivery"],
  ["delivery_successful", "Delivered"],
];

function useRefresh(state: FormState, key: unknown[]) {
  const qc = useQueryClient();
  useEffect(() => {
    if (state.status === "ok") qc.invalidateQueries({ queryKey: key });
  }, [state, qc, key]);
}

function LegActions({
  leg,
  queryKey,
  loaners,
}: {
  leg: Leg;
  queryKey: unknown[];
  loaners: { id: string; label: string }[];
}) {
  const [cancelState, cancel] = useActionState(cancelMoveAction, idleState);
  const [patchState, patch] = useActionState(patchMoveAction, idleState);
  const [assignState, assign] = useActionState(assignLoanerAction, idleState);
  useFormToast(cancelState);
  useFormToast(patchState);
  useFormToast(assignState);
  useRefresh(cancelState, queryKey);
  useRefresh(patchState, queryKey);
  useRefresh(assignState, queryKey);
  const canceled = leg.cancel_status !== null && leg.cancel_status !== "failed";
  const pickedUp = [
    "pickup successful",
    "delivery started",
    "delivery arrived",
    "delivery successful",
  ].includes(leg.status ?? "");
  if (canceled || pickedUp) return null;
  const pv = patchState.status === "error" ? patchState.values : undefined;
  return (
    <div className="grid gap-3 border-t pt-3">
      {leg.move_type === "loaner" && loaners.length > 0 ? (
        <form action={assign} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="moveId" value={leg.move_id} />
          <Field
            label={`Assign loaner to move ${leg.move_id}`}
            name="loanerId"
            error={assignState.status === "error" ? assignState.message : undefined}
          >
            <Select defaultValue="">
              <option value="" disabled>
                Choose a loaner
              </option>
              {loaners.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </Select>
          </Field>
          <SubmitButton variant="outline">Assign</SubmitButton>
        </form>
      ) : null}
      <details>
        <summary className="cursor-pointer text-sm font-medium">Edit move {leg.move_id}…</summary>
        <form action={patch} className="mt-2 grid gap-3 sm:grid-cols-2" noValidate>
          <input type="hidden" name="moveId" value={leg.move_id} />
          <Field label="Stock number" name="vehicle.stock" error={patchState.fieldErrors?.["vehicle.stock"]}>
            <Input defaultValue={pv?.["vehicle.stock"] ?? leg.vehicle.stock ?? ""} />
          </Field>
          <Field label="Color" name="vehicle.color" error={patchState.fieldErrors?.["vehicle.color"]}>
            <Input defaultValue={pv?.["vehicle.color"] ?? leg.vehicle.color ?? ""} />
          </Field>
          <Field label="Reference" name="reference_num" error={patchState.fieldErrors?.reference_num}>
            <Input defaultValue={pv?.reference_num ?? leg.reference_id ?? ""} />
          </Field>
          <div className="sm:col-span-2">
            <SubmitButton variant="outline">Save changes</SubmitButton>
            {patchState.status === "error" && patchState.message ? (
              <p role="alert" className="mt-2 text-sm text-destructive">
                {patchState.message}
              </p>
            ) : null}
          </div>
        </form>
      </details>
      <form
        action={cancel}
        onSubmit={(e) => {
          if (!window.confirm(`Cancel move ${leg.move_id}?`)) e.preventDefault();
        }}
      >
        <input type="hidden" name="moveId" value={leg.move_id} />
        <SubmitButton variant="destructive" size="sm">
          Cancel move {leg.move_id}
        </SubmitButton>
      </form>
    </div>
  );
}

/** The booking page: both legs and the timeline, refreshed every second. */
export function BookingLive({
  initial,
  moveId,
  timeZone,
  trackingLink,
  loaners,
}: {
  initial: BookingDetail;
  moveId: number;
  timeZone: string;
  trackingLink: string;
  loaners: { id: string; label: string }[];
}) {
  const queryKey = ["move-booking", moveId];
  const { data } = useQuery<BookingDetail>({
    queryKey,
    queryFn: async () => {
      const res = await fetch(`/api/portal/moves/${moveId}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: 1000,
  });
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="grid grid-cols-1 content-start gap-6 lg:col-span-2">
        <Card>
          <CardContent className="grid gap-2 text-sm">
            <p>
              Appointment <DateTime value={data.appointment} timeZone={timeZone} /> · ready by{" "}
              <DateTime value={data.readyBy} timeZone={timeZone} /> · {data.customerPhone}
            </p>
            <div className="flex items-center gap-2">
              <code
                className="min-w-0 flex-1 break-all rounded bg-muted px-2 py-1 text-xs"
                data-testid="tracking-link"
              >
                {trackingLink}
              </code>
              <CopyButton value={trackingLink} aria-label="Copy tracking link" />
            </div>
          </CardContent>
        </Card>
        {data.moves.map((leg) => (
          <SectionCard
            key={leg.move_id}
            data-testid="move-leg"
            title={
              <>
                Move {leg.move_id} · {leg.move_type === "loaner" ? "Loaner" : "Customer's car"}
              </>
            }
            contentClassName="grid gap-3 text-sm"
          >
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={leg.status ?? "scheduled"} />
              {leg.cancel_status ? (
                <StatusBadge
                  status={leg.cancel_status === "pending" ? "pending" : leg.cancel_status}
                  label={`Cancel ${leg.cancel_status}`}
                />
              ) : null}
              {leg.driver_name ? <span>Driver {leg.driver_name}</span> : null}
            </div>
            <p data-testid="leg-vehicle">
              {[leg.vehicle.year, leg.vehicle.make, leg.vehicle.model, leg.vehicle.color]
                .filter(Boolean)
                .join(" ") || "Vehicle to be assigned"}
              {leg.vehicle.stock ? ` · stock ${leg.vehicle.stock}` : ""}
            </p>
            <p className="text-muted-foreground">
              {leg.pickup_location.full_address} → {leg.delivery_location.full_address}
            </p>
            <ol className="grid grid-cols-2 gap-1 sm:grid-cols-4" aria-label={`Steps of move ${leg.move_id}`}>
              {STEPS.map(([key, label]) => (
                <li key={key} className={leg[key] ? "text-foreground" : "text-muted-foreground"}>
                  {label}: {leg[key] ? <DateTime value={leg[key] as string} timeZone={timeZone} /> : "—"}
                </li>
              ))}
            </ol>
            <LegActions leg={leg} queryKey={queryKey} loaners={loaners} />
          </SectionCard>
        ))}
      </div>
      <SectionCard title="Timeline" className="content-start">
        <Timeline
          label="Move timeline"
          timeZone={timeZone}
          items={data.timeline.map((t) => ({
            at: t.at,
            status: t.status,
            note: t.note ? `#${t.moveId} ${t.note}` : `#${t.moveId}`,
            by: t.by,
          }))}
        />
      </SectionCard>
    </div>
  );
}
