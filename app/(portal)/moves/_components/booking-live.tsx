"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect } from "react";
import { CopyButton } from "@/components/copy-button";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { Card, CardContent, SectionCard } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import type { BookingView } from "@/lib/moves/queries";
import { type FormState, idleState } from "@/lib/platform/form-state";
import { toLocalInput, zoneName } from "@/lib/platform/zoned-time";
import { assignLoanerAction, cancelBookingAction, cancelMoveAction, patchMoveAction } from "../actions";
import { ZonedTime } from "./zoned-time";

export type BookingDetail = BookingView & {
  timeline: { at: string; status: string | null; note: string | null; by: string; moveId: number }[];
};
type Leg = BookingView["moves"][number];
type Handover = NonNullable<Leg["pickup_record"]>;

const STEPS: [keyof Leg, string][] = [
  ["dispatched", "Dispatched"],
  ["pickup_started", "Pickup started"],
  ["pickup_arrived", "Arrived at pickup"],
  ["pickup_successful", "Picked up"],
  ["delivery_started", "Delivery started"],
  ["delivery_arrived", "Arrived at delivery"],
  ["delivery_successful", "Delivered"],
];

const PICKED_UP = ["pickup successful", "delivery started", "delivery arrived", "delivery successful"];
const isCanceling = (leg: Leg) => leg.cancel_status !== null && leg.cancel_status !== "failed";
const cancelable = (leg: Leg) => leg.status !== "delivery successful" && !isCanceling(leg);

function useRefresh(state: FormState, key: unknown[]) {
  const qc = useQueryClient();
  useEffect(() => {
    if (state.status === "ok") qc.invalidateQueries({ queryKey: key });
  }, [state, qc, key]);
}

/** The vehicle fields a PATCH can change, pre-filled: emptying one clears it. */
const VEHICLE_FIELDS = [
  ["Stock number", "stock"],
  ["VIN", "vin"],
  ["Year", "year"],
  ["Make", "make"],
  ["Model", "model"],
  ["Color", "color"],
] as const;

function EditForm({ leg, queryKey, timeZone }: { leg: Leg; queryKey: unknown[]; timeZone: string }) {
  const [state, patch] = useActionState(patchMoveAction, idleState);
  useFormToast(state);
  useRefresh(state, queryKey);
  const failed = state.status === "error";
  const v = failed ? state.values : undefined;
  const e = state.fieldErrors ?? {};
  const readyBy = leg.ready_by_time_utc ? toLocalInput(new Date(leg.ready_by_time_utc), timeZone) : "";
  // Only the editable values: a driver's step elsewhere must not wipe what is being typed.
  const saved = JSON.stringify([leg.vehicle, leg.reference_id, leg.ready_by_time_utc]);
  return (
    <details open={failed || undefined}>
      <summary className="cursor-pointer text-sm font-medium">Edit move {leg.move_id}…</summary>
      {/* Remounted per result (a failed save shows what was typed) and when the saved values arrive. */}
      <form
        key={`${state.at ?? "edit"}|${saved}`}
        action={patch}
        className="mt-2 grid gap-3 sm:grid-cols-3"
        noValidate
      >
        <input type="hidden" name="moveId" value={leg.move_id} />
        {VEHICLE_FIELDS.map(([label, name]) => (
          <Field key={name} label={label} name={`vehicle.${name}`} error={e[`vehicle.${name}`]}>
            <Input defaultValue={v ? v[`vehicle.${name}`] : (leg.vehicle[name] ?? "")} />
          </Field>
        ))}
        <input type="hidden" name="vehicle.manual_shown" value="1" />
        <label className="flex items-center gap-2 text-sm sm:col-span-3">
          <Checkbox
            name="vehicle.manual"
            defaultChecked={v ? v["vehicle.manual"] === "on" : leg.vehicle.manual}
          />
          Manual transmission
        </label>
        <Field label="Reference" name="reference_num" error={e.reference_num}>
          <Input defaultValue={v ? v.reference_num : (leg.reference_id ?? "")} />
        </Field>
        <Field
          label={`Ready by (${zoneName(timeZone)})`}
          name="ready_by"
          error={e.ready_by}
          hint="For both legs: when the first vehicle must be ready."
          className="sm:col-span-2"
        >
          <Input type="datetime-local" defaultValue={v ? v.ready_by : readyBy} />
        </Field>
        <div className="sm:col-span-3">
          <SubmitButton variant="outline">Save changes</SubmitButton>
          {failed && state.message && !Object.values(e).includes(state.message) ? (
            <p role="alert" className="mt-2 text-sm text-destructive">
              {state.message}
            </p>
          ) : null}
        </div>
      </form>
    </details>
  );
}

function LegActions({
  leg,
  queryKey,
  loaners,
  timeZone,
}: {
  leg: Leg;
  queryKey: unknown[];
  loaners: { id: string; label: string }[];
  timeZone: string;
}) {
  const [cancelState, cancel] = useActionState(cancelMoveAction, idleState);
  const [assignState, assign] = useActionState(assignLoanerAction, idleState);
  useFormToast(cancelState);
  useFormToast(assignState);
  useRefresh(cancelState, queryKey);
  useRefresh(assignState, queryKey);
  if (isCanceling(leg) || PICKED_UP.includes(leg.status ?? "")) return null;
  return (
    <div className="grid gap-3 border-t pt-3">
      {leg.move_type === "loaner" && loaners.length > 0 ? (
        <form action={assign} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="moveId" value={leg.move_id} />
          <Field
            label={`Assign loaner to move ${leg.move_id}`}
            name="loaner_id"
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
      <EditForm leg={leg} queryKey={queryKey} timeZone={timeZone} />
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

function CancelBooking({ legs, queryKey }: { legs: Leg[]; queryKey: unknown[] }) {
  const [state, cancel] = useActionState(cancelBookingAction, idleState);
  useFormToast(state);
  useRefresh(state, queryKey);
  const open = legs.filter(cancelable);
  if (open.length === 0) return null;
  return (
    <form
      action={cancel}
      onSubmit={(e) => {
        if (!window.confirm("Cancel the whole booking (every leg not yet delivered)?")) e.preventDefault();
      }}
    >
      <input type="hidden" name="moveId" value={open[0].move_id} />
      <SubmitButton variant="destructive" size="sm">
        Cancel booking
      </SubmitButton>
    </form>
  );
}

/** What the driver recorded at a handover: odometer, fuel, signer and notes. */
function HandoverRecord({ title, record }: { title: string; record: Handover | null }) {
  if (!record) return null;
  const rows: [string, string | null][] = [
    ["Odometer", record.odometer !== null ? `${record.odometer.toLocaleString("en-US")} mi` : null],
    ["Fuel", record.fuel_level],
    ["Signed by", record.signer_name],
    ["Notes", record.notes],
  ];
  return (
    <div data-testid="handover">
      <p className="font-medium">{title}</p>
      <dl className="grid grid-cols-[6rem_1fr] gap-x-2 text-muted-foreground">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt>{label}</dt>
            <dd className="text-foreground">{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
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
            <p data-testid="booking-times">
              Appointment <ZonedTime value={data.appointment} timeZone={timeZone} /> · ready by{" "}
              <ZonedTime value={data.readyBy} timeZone={timeZone} /> · {data.customerPhone}
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
            {data.moves.length > 1 ? <CancelBooking legs={data.moves} queryKey={queryKey} /> : null}
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
              {leg.vehicle.vin ? ` · VIN ${leg.vehicle.vin}` : ""}
              {leg.vehicle.manual ? " · manual" : ""}
            </p>
            {leg.reference_id ? <p>Reference {leg.reference_id}</p> : null}
            <p className="text-muted-foreground">
              {leg.pickup_location.full_address} → {leg.delivery_location.full_address}
            </p>
            <ol className="grid grid-cols-2 gap-1 sm:grid-cols-4" aria-label={`Steps of move ${leg.move_id}`}>
              {STEPS.map(([key, label]) => (
                <li key={key} className={leg[key] ? "text-foreground" : "text-muted-foreground"}>
                  {label}: {leg[key] ? <ZonedTime value={leg[key] as string} timeZone={timeZone} /> : "—"}
                </li>
              ))}
            </ol>
            {leg.pickup_record || leg.delivery_record ? (
              <section
                className="grid gap-3 sm:grid-cols-2"
                aria-label={`Handover records of move ${leg.move_id}`}
              >
                <HandoverRecord title="At pickup" record={leg.pickup_record} />
                <HandoverRecord title="At delivery" record={leg.delivery_record} />
              </section>
            ) : null}
            <LegActions leg={leg} queryKey={queryKey} loaners={loaners} timeZone={timeZone} />
          </SectionCard>
        ))}
      </div>
      <SectionCard title="Timeline" className="content-start">
        <p className="text-xs text-muted-foreground">Times on {zoneName(timeZone)}.</p>
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
