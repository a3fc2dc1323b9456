"use client";

import { useActionState } from "react";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { type FormState, idleState } from "@/lib/platform/form-state";
import type { DealDto } from "@/lib/service-orders/deals";
import { attachToDealAction } from "../actions";

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
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Quote ID"
          name="quotes"
          error={err.quotes}
          hint="e.g. quote_sf7Y7c. Separate several with commas."
        >
          <Input autoComplete="off" spellCheck={false} className="font-mono" defaultValue={v?.quotes} />
        </Field>
        <Field
          label="Order ID"
          name="orders"
          error={err.orders}
          hint="e.g. order_fcx8YdY2lM2zjR. Separate several with commas."
        >
          <Input autoComplete="off" spellCheck={false} className="font-mono" defaultValue={v?.orders} />
        </Field>
      </div>
      <FieldError>{general}</FieldError>
      <div>
        <SubmitButton pendingLabel="Attaching…">Attach</SubmitButton>
      </div>
    </form>
  );
}
