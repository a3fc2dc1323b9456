"use client";

import { useActionState } from "react";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { type FormState, idleState } from "@/lib/platform/form-state";
import type { DealDto } from "@/lib/service-orders/deals";
import { attachToDealAction } from "../actions";

/** Quote and order id boxes, shared by the attach form and the new-deal form. */
export function AttachFields({
  errors,
  values,
  legend,
}: {
  errors: Record<string, string>;
  values: Record<string, string> | undefined;
  /** Shown as the fieldset's legend when the fields sit among others. */
  legend?: string;
}) {
  const fields = (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        label="Quote ID"
        name="quotes"
        error={errors.quotes}
        hint="e.g. quote_sf7Y7c. Separate several with commas. A paid quote brings its order."
      >
        <Input autoComplete="off" spellCheck={false} className="font-mono" defaultValue={values?.quotes} />
      </Field>
      <Field
        label="Order ID"
        name="orders"
        error={errors.orders}
        hint="e.g. order_fcx8YdY2lM2zjR. Separate several with commas."
      >
        <Input autoComplete="off" spellCheck={false} className="font-mono" defaultValue={values?.orders} />
      </Field>
    </div>
  );
  return legend ? (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-semibold">{legend}</legend>
      {fields}
    </fieldset>
  ) : (
    fields
  );
}

/** Attaches quotes and/or service orders (by id) to a deal. */
export function AttachForm({ dealId }: { dealId: string }) {
  const [state, action] = useActionState<FormState<DealDto>, FormData>(
    attachToDealAction,
    idleState as FormState<DealDto>,
  );
  useFormToast(state);
  const v = state.status === "error" ? state.values : undefined;
  const err = state.fieldErrors ?? {};
  const general = state.status === "error" && Object.keys(err).length === 0 ? state.message : undefined;
  return (
    <form action={action} className="grid gap-4" noValidate aria-label="Attach to deal">
      <input type="hidden" name="dealId" value={dealId} />
      <AttachFields errors={err} values={v} />
      <FieldError>{general}</FieldError>
      <div>
        <SubmitButton pendingLabel="Attaching…">Attach</SubmitButton>
      </div>
    </form>
  );
}
