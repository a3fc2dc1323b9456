"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { type FormState, idleState } from "@/lib/platform/form-state";
import { type PayErrorData, payQuoteAction } from "../actions";

/** "4242424242424242" -> "4242 4242 4242 4242". */
function formatCardNumber(raw: string): string {
  return raw
    .replace(/\D/g, "")
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** "1230" -> "12/30"; "1/" -> "01" (a one-digit month). Numeric keypads have no slash key. */
function formatExpiry(raw: string): string {
  const oneDigitMonth = raw.match(/^(\d)\s*\/(.*)$/);
  const digits = (oneDigitMonth ? `0${oneDigitMonth[1]}${oneDigitMonth[2]}` : raw)
    .replace(/\D/g, "")
    .slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
}

/** Reformats an uncontrolled input as the user types, keeping the caret after the same digit. */
function reformat(input: HTMLInputElement, format: (raw: string) => string) {
  const raw = input.value;
  const next = format(raw);
  if (next === raw) return;
  const caret = input.selectionStart ?? raw.length;
  let pos = next.length;
  if (caret < raw.length) {
    const digitsBefore = raw.slice(0, caret).replace(/\D/g, "").length;
    pos = 0;
    for (let seen = 0; pos < next.length && seen < digitsBefore; pos++) if (/\d/.test(next[pos])) seen++;
  }
  input.value = next;
  if (document.activeElement === input) input.setSelectionRange(pos, pos);
}

const inputClass = "h-11";
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
      <Field label="Name on card" name="cardName" error={errors.cardName}>
        <Input autoComplete="cc-name" defaultValue={values?.cardName} className={inputClass} />
      </Field>
      <Field label="Card number" name="cardNumber" error={errors.cardNumber}>
        <Input
          ref={cardNumberRef}
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="1234 1234 1234 1234"
          maxLength={23}
          spellCheck={false}
          aria-invalid={declined || undefined}
          aria-describedby={declined ? "payment-error" : undefined}
          onChange={(e) => reformat(e.currentTarget, formatCardNumber)}
          className={`${inputClass} tabular-nums`}
        />
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field label="Expiry (MM/YY)" name="cardExpiry" error={errors.cardExpiry}>
          <Input
            inputMode="numeric"
            autoComplete="cc-exp"
            placeholder="MM/YY"
            maxLength={7}
            defaultValue={values?.cardExpiry}
            onChange={(e) => reformat(e.currentTarget, formatExpiry)}
            className={`${inputClass} tabular-nums`}
          />
        </Field>
        <Field label="CVC" name="cardCvc" error={errors.cardCvc}>
          <Input
            inputMode="numeric"
            autoComplete="cc-csc"
            placeholder="123"
            maxLength={4}
            className={`${inputClass} tabular-nums`}
          />
        </Field>
      </div>
      <p className="rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">
        Test mode: use 4242 4242 4242 4242. Nothing is charged.
      </p>
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
