"use client";

import { useActionState } from "react";
import { ConfirmForm } from "@/components/confirm-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { idleState } from "@/lib/platform/form-state";
import { cancelQuoteAction } from "../../service-orders/actions";

/** Withdraws an unpaid quote; the customer's pay link then says it was canceled. */
export function CancelQuoteForm({ quoteId }: { quoteId: string }) {
  const [state, action] = useActionState(cancelQuoteAction, idleState);
  useFormToast(state);
  const v = state.status === "error" ? state.values : undefined;
  return (
    <details className="rounded-md border p-3" open={state.status === "error" ? true : undefined}>
      <summary className="cursor-pointer text-sm font-medium">Cancel quote…</summary>
      <ConfirmForm
        action={action}
        className="mt-3 grid gap-3"
        noValidate
        confirm={{
          title: "Cancel this quote?",
          description: "The pay link stops working and tells the customer the quote was canceled.",
          confirmLabel: "Cancel quote",
          cancelLabel: "Keep the quote",
          destructive: true,
        }}
      >
        <input type="hidden" name="quoteId" value={quoteId} />
        <Field label="Reason (optional)" name="reason" error={state.fieldErrors?.reason}>
          <Input defaultValue={v?.reason} maxLength={500} />
        </Field>
        <div>
          <SubmitButton variant="destructive" pendingLabel="Canceling…">
            Cancel quote
          </SubmitButton>
        </div>
      </ConfirmForm>
    </details>
  );
}
