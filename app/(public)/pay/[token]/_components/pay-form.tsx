"use client";

import { useActionState, useEffect, useRef } from "react";
import { TestCardFields } from "@/components/test-card-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { type FormState, idleState } from "@/lib/platform/form-state";
import { type PayErrorData, payQuoteAction } from "../actions";

const alertClass =
  "rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive";

export function PayForm({
  token,
  amount,
  lastDecline,
}: {
  token: string;
  /** The formatted total, e.g. "$450.00". */
  amount: string;
  /** Why the previous attempt (before this visit) was declined, if it was. */
  lastDecline?: string | null;
}) {
  const [state, action] = useActionState<FormState<PayErrorData>, FormData>(
    payQuoteAction,
    idleState as FormState<PayErrorData>,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const cardNumberRef = useRef<HTMLInputElement>(null);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? state.values : undefined;
  const declined = state.status === "error" && state.data?.code === "card_declined";

  // After a failed submit, put the cursor where the customer has to act.
  useEffect(() => {
    if (state.status !== "error" || !state.at) return;
    const target = declined
      ? cardNumberRef.current
      : formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    target?.focus();
  }, [state.status, state.at, declined]);

  return (
    <form ref={formRef} action={action} className="grid gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TestCardFields
        errors={errors}
        typed={values}
        declined={declined}
        declineMessageId="payment-error"
        numberRef={cardNumberRef}
      />
      {state.status === "error" && state.message ? (
        <p id="payment-error" role="alert" className={alertClass}>
          {state.message}
        </p>
      ) : state.status === "idle" && lastDecline ? (
        <p className="text-sm text-muted-foreground">Your last payment attempt was declined: {lastDecline}</p>
      ) : null}
      <SubmitButton size="lg" className="h-11 w-full" pendingLabel="Processing payment…">
        {`Pay ${amount}`}
      </SubmitButton>
    </form>
  );
}
