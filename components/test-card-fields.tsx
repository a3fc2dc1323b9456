"use client";

import type { Ref } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

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

const inputClass = "h-11 tabular-nums";

/**
 * The test-mode card fields every public payment form uses (quote payment, vehicle checkout):
 * name, number, expiry, CVC, formatted as typed. The number and CVC are never echoed back after a
 * failed submit; the card number field points at the decline message when there is one.
 */
export function TestCardFields({
  errors,
  typed,
  declined,
  declineMessageId,
  numberRef,
}: {
  errors: Record<string, string | undefined>;
  typed?: Record<string, string | undefined>;
  declined: boolean;
  /** The id of the element that says why the card was declined. */
  declineMessageId: string;
  numberRef?: Ref<HTMLInputElement>;
}) {
  return (
    <>
      <Field label="Name on card" name="cardName" error={errors.cardName}>
        <Input autoComplete="cc-name" defaultValue={typed?.cardName} className="h-11" />
      </Field>
      <Field label="Card number" name="cardNumber" error={errors.cardNumber}>
        <Input
          ref={numberRef}
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="1234 1234 1234 1234"
          maxLength={23}
          spellCheck={false}
          aria-invalid={declined || undefined}
          aria-describedby={declined ? declineMessageId : undefined}
          onChange={(e) => reformat(e.currentTarget, formatCardNumber)}
          className={inputClass}
        />
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field label="Expiry (MM/YY)" name="cardExpiry" error={errors.cardExpiry}>
          <Input
            inputMode="numeric"
            autoComplete="cc-exp"
            placeholder="MM/YY"
            maxLength={7}
            defaultValue={typed?.cardExpiry}
            onChange={(e) => reformat(e.currentTarget, formatExpiry)}
            className={inputClass}
          />
        </Field>
        <Field label="CVC" name="cardCvc" error={errors.cardCvc}>
          <Input
            inputMode="numeric"
            autoComplete="cc-csc"
            placeholder="123"
            maxLength={4}
            className={inputClass}
          />
        </Field>
      </div>
      <p className="rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">
        Test mode: use 4242 4242 4242 4242. Nothing is charged.
      </p>
    </>
  );
}
