"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect } from "react";
import { zoneLabel } from "@/app/(public)/_components/format";
import { type Confirmation, ConfirmForm } from "@/components/confirm-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { useFormToast } from "@/components/use-form-toast";
import { type FormState, idleState } from "@/lib/platform/form-state";
import { addCandidateAction, buyQuoteFromCandidateAction, updateOrderAction } from "../actions";

/** Refetches the live order after a successful action so the page shows it at once. */
function useRefreshOnSuccess(state: FormState, orderId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (state.status === "ok") queryClient.invalidateQueries({ queryKey: ["service-order", orderId] });
  }, [state, orderId, queryClient]);
}

export function StatusButton({
  orderId,
  status,
  label,
  variant,
  confirm,
}: {
  orderId: string;
  status: string;
  label: string;
  variant?: "default" | "secondary";
  /** Ask first (completing cannot be undone). */
  confirm?: Confirmation;
}) {
  const [state, action] = useActionState(updateOrderAction, idleState);
  useFormToast(state);
  useRefreshOnSuccess(state, orderId);
  const fields = (
    <>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="status" value={status} />
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </>
  );
  return confirm ? (
    <ConfirmForm action={action} confirm={confirm}>
      {fields}
    </ConfirmForm>
  ) : (
    <form action={action}>{fields}</form>
  );
}

/** "Reason for the delay" etc. read better next to the field than the API's wording. */
function reasonErrors(errors: Record<string, string> | undefined) {
  const e = errors ?? {};
  const estimate = e.estimatedTime;
  return {
    note: e.note ? "Give a reason; the customer is told." : undefined,
    estimatedTime: !estimate
      ? undefined
      : /later than now/.test(estimate)
        ? "Choose a time later than now."
        : "Choose the new estimated completion date and time.",
  };
}

/**
 * Delay (reason + new estimate) or cancel (reason), each confirmed first. The new estimate is typed
 * as the dealer's wall time (the label names the zone); the server reads it in that zone.
 */
export function ReasonForm({
  orderId,
  status,
  label,
  needsEstimate,
  timeZone,
  confirm,
}: {
  orderId: string;
  status: "delayed" | "canceled";
  label: string;
  needsEstimate?: boolean;
  /** The dealer's IANA zone: the estimate is entered and read in it. */
  timeZone: string;
  confirm: Confirmation;
}) {
  const [state, action] = useActionState(updateOrderAction, idleState);
  useFormToast(state);
  useRefreshOnSuccess(state, orderId);
  const v = state.status === "error" ? state.values : undefined;
  const errors = reasonErrors(state.fieldErrors);
  return (
    <details className="rounded-md border p-3" open={state.status === "error" ? true : undefined}>
      <summary className="cursor-pointer text-sm font-medium">{label}…</summary>
      <ConfirmForm action={action} className="mt-3 grid gap-3" noValidate confirm={confirm}>
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="status" value={status} />
        <Field
          label={status === "delayed" ? "Reason for the delay" : "Reason for canceling"}
          name="note"
          error={errors.note}
        >
          <Textarea rows={2} defaultValue={v?.note} />
        </Field>
        {needsEstimate ? (
          <Field
            label={`New estimated completion (${zoneLabel(timeZone)})`}
            name="estimatedLocal"
            error={errors.estimatedTime}
            hint={`The dealership's time zone: ${timeZone}.`}
          >
            <Input type="datetime-local" defaultValue={v?.estimatedLocal} />
          </Field>
        ) : null}
        <div>
          <SubmitButton variant={status === "canceled" ? "destructive" : "default"}>{label}</SubmitButton>
        </div>
      </ConfirmForm>
    </details>
  );
}

export function AddCandidateForm({ orderId }: { orderId: string }) {
  const [state, action] = useActionState(addCandidateAction, idleState);
  useFormToast(state);
  useRefreshOnSuccess(state, orderId);
  const v = state.status === "error" ? state.values : undefined;
  const f = state.fieldErrors ?? {};
  return (
    <form
      action={action}
      className="grid gap-3 sm:grid-cols-2"
      noValidate
      key={state.status === "ok" ? state.at : "candidate"}
    >
      <input type="hidden" name="orderId" value={orderId} />
      <Field label="VIN" name="vin" error={f.vin}>
        <Input defaultValue={v?.vin} autoCapitalize="characters" />
      </Field>
      <Field label="Year" name="year" error={f.year}>
        <Input inputMode="numeric" defaultValue={v?.year} />
      </Field>
      <Field label="Make" name="make" error={f.make}>
        <Input defaultValue={v?.make} />
      </Field>
      <Field label="Model" name="model" error={f.model}>
        <Input defaultValue={v?.model} />
      </Field>
      <Field label="Trim" name="trim" error={f.trim}>
        <Input defaultValue={v?.trim} />
      </Field>
      <Field label="Mileage" name="mileage" error={f.mileage}>
        <Input inputMode="numeric" defaultValue={v?.mileage} />
      </Field>
      <Field label="Price ($)" name="price" error={f.price}>
        <Input inputMode="decimal" defaultValue={v?.price} />
      </Field>
      <Field label="Location" name="location" error={f.location}>
        <Input defaultValue={v?.location} placeholder="City, ST" />
      </Field>
      <Field label="Notes" name="notes" error={f.notes} className="sm:col-span-2">
        <Textarea rows={2} defaultValue={v?.notes} />
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton>Add candidate</SubmitButton>
      </div>
    </form>
  );
}

export function BuyQuoteForm({ candidateId, zip }: { candidateId: string; zip?: string }) {
  const [state, action] = useActionState(buyQuoteFromCandidateAction, idleState);
  useFormToast(state);
  const v = state.status === "error" ? state.values : undefined;
  const f = state.fieldErrors ?? {};
  return (
    <details className="mt-2" open={state.status === "error" ? true : undefined}>
      <summary className="cursor-pointer text-sm font-medium text-primary">Create buy quote…</summary>
      <form action={action} className="mt-2 grid gap-3 sm:grid-cols-2" noValidate>
        <input type="hidden" name="candidateId" value={candidateId} />
        <Field
          label="Delivery street"
          name="deliveryAddress.street"
          error={f["deliveryAddress.street"]}
          className="sm:col-span-2"
        >
          <Input defaultValue={v?.["deliveryAddress.street"]} />
        </Field>
        <Field label="City" name="deliveryAddress.city" error={f["deliveryAddress.city"]}>
          <Input defaultValue={v?.["deliveryAddress.city"]} />
        </Field>
        <Field label="State" name="deliveryAddress.state" error={f["deliveryAddress.state"]}>
          <Input maxLength={2} defaultValue={v?.["deliveryAddress.state"]} />
        </Field>
        <Field label="ZIP" name="deliveryAddress.zip" error={f["deliveryAddress.zip"] ?? f.deliveryAddress}>
          <Input inputMode="numeric" defaultValue={v?.["deliveryAddress.zip"] ?? zip} />
        </Field>
        <div className="sm:col-span-2">
          <SubmitButton>Create buy quote</SubmitButton>
        </div>
      </form>
    </details>
  );
}
