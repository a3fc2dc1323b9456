"use client";

import { type ReactNode, type RefObject, useActionState, useEffect, useRef, useState } from "react";
import { TestCardFields } from "@/components/test-card-fields";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { type FormState, idleState } from "@/lib/platform/form-state";
import { type CheckoutErrorData, payAction, saveStepAction, startCheckoutAction } from "../actions";

type State = FormState<CheckoutErrorData>;
type Values = Record<string, string>;

const inputClass = "h-11";
const alertClass =
  "rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive";

/**
 * One step's form state: errors, typed values kept (`v(name)`: what was typed, else the saved
 * value), focus on the first problem. Spread `form` on a `StepForm`.
 */
function useStep(action: (s: State, f: FormData) => Promise<State>, defaults: Values = {}) {
  const [state, formAction] = useActionState<State, FormData>(action, idleState as State);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status !== "error" || !state.at) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state.status, state.at]);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const typed = state.status === "error" ? state.values : undefined;
  const v = (name: string) => typed?.[name] ?? defaults[name] ?? "";
  return { state, form: { state, formAction, formRef }, errors, typed, v };
}

/** A step's form: hidden token/step, the fields, the form-level error, the big submit button. */
function StepForm({
  state,
  formAction,
  formRef,
  token,
  step,
  submit,
  pendingLabel = "Saving…",
  children,
}: {
  state: State;
  formAction: (f: FormData) => void;
  formRef: RefObject<HTMLFormElement | null>;
  token: string;
  step?: string;
  submit: ReactNode;
  pendingLabel?: string;
  children: ReactNode;
}) {
  return (
    <form ref={formRef} action={formAction} className="grid gap-4" noValidate>
      <Hidden token={token} step={step} />
      {children}
      <FormMessage state={state} />
      <SubmitButton size="lg" className="h-11 w-full" pendingLabel={pendingLabel}>
        {submit}
      </SubmitButton>
    </form>
  );
}

function FormMessage({ state }: { state: State }) {
  if (state.status !== "error" || !state.message) return null;
  return (
    <p id="step-error" role="alert" className={alertClass}>
      {state.message}
    </p>
  );
}

function Hidden({ token, step }: { token: string; step?: string }) {
  return (
    <>
      <input type="hidden" name="token" value={token} />
      {step ? <input type="hidden" name="step" value={step} /> : null}
    </>
  );
}

export function StartCheckout({ token, label = "Start checkout" }: { token: string; label?: string }) {
  const { state, form } = useStep(startCheckoutAction);
  return (
    <form action={form.formAction} className="grid gap-3">
      <Hidden token={token} />
      <FormMessage state={state} />
      <SubmitButton size="lg" className="h-11 w-full" pendingLabel="Starting…">
        {label}
      </SubmitButton>
    </form>
  );
}

export function BuyerStep({ token, defaults }: { token: string; defaults: Values }) {
  const { form, errors, v } = useStep(saveStepAction, defaults);
  return (
    <StepForm {...form} token={token} step="buyer" submit="Continue to delivery">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="First name" name="firstName" error={errors.firstName} required>
          <Input autoComplete="given-name" defaultValue={v("firstName")} className={inputClass} />
        </Field>
        <Field label="Last name" name="lastName" error={errors.lastName} required>
          <Input autoComplete="family-name" defaultValue={v("lastName")} className={inputClass} />
        </Field>
      </div>
      <Field label="Email" name="email" error={errors.email} required>
        <Input type="email" autoComplete="email" defaultValue={v("email")} className={inputClass} />
      </Field>
      <Field label="Phone" name="phone" error={errors.phone} required>
        <Input type="tel" autoComplete="tel" defaultValue={v("phone")} className={inputClass} />
      </Field>
    </StepForm>
  );
}

function AddressFields({
  prefix,
  legend,
  values,
  errors,
  states,
}: {
  prefix: string;
  legend: string;
  values: (name: string) => string;
  errors: Values;
  states: readonly string[];
}) {
  const label = (text: string) => (
    <>
      <span className="sr-only">{legend}: </span>
      {text}
    </>
  );
  const n = (f: string) => `${prefix}.${f}`;
  return (
    <fieldset className="grid gap-4">
      <legend className="mb-1 text-sm font-semibold">{legend}</legend>
      <Field label={label("Street")} name={n("street")} error={errors[n("street")]}>
        <Input autoComplete="address-line1" defaultValue={values(n("street"))} className={inputClass} />
      </Field>
      <Field label={label("Apartment, suite (optional)")} name={n("line2")} error={errors[n("line2")]}>
        <Input autoComplete="address-line2" defaultValue={values(n("line2"))} className={inputClass} />
      </Field>
      {/* On a phone the city gets its own row; state and ZIP share the next. */}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-[1fr_6rem_7rem]">
        <Field
          label={label("City")}
          name={n("city")}
          error={errors[n("city")]}
          className="col-span-2 sm:col-span-1"
        >
          <Input autoComplete="address-level2" defaultValue={values(n("city"))} className={inputClass} />
        </Field>
        <Field label={label("State")} name={n("state")} error={errors[n("state")]}>
          <Select defaultValue={values(n("state"))} className={inputClass}>
            <option value="">—</option>
            {states.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={label("ZIP")} name={n("zip")} error={errors[n("zip")]}>
          <Input
            inputMode="numeric"
            autoComplete="postal-code"
            defaultValue={values(n("zip"))}
            className={inputClass}
          />
        </Field>
      </div>
    </fieldset>
  );
}

function Choice({
  name,
  value,
  checked,
  onChange,
  title,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange?: (v: string) => void;
  title: string;
  children?: ReactNode;
}) {
  const id = `${name}-${value}`;
  return (
    <label
      htmlFor={id}
      className="flex cursor-pointer items-start gap-3 rounded-md border p-3 has-checked:border-primary has-checked:bg-primary/5"
    >
      <input
        id={id}
        type="radio"
        name={name}
        value={value}
        defaultChecked={checked}
        onChange={() => onChange?.(value)}
        className="mt-1 size-4 accent-primary"
      />
      <span className="grid gap-0.5">
        <span className="font-medium">{title}</span>
        {children ? <span className="text-sm text-muted-foreground">{children}</span> : null}
      </span>
    </label>
  );
}

export function DeliveryStep({
  token,
  defaults,
  dealers,
  states,
  shippingFee,
}: {
  token: string;
  defaults: Values;
  dealers: { id: string; name: string }[];
  states: readonly string[];
  shippingFee: string;
}) {
  const { form, errors, v } = useStep(saveStepAction, defaults);
  const [method, setMethod] = useState(v("method") || "PICK_UP");
  return (
    <StepForm {...form} token={token} step="delivery" submit="Continue to registration">
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-semibold">How do you want to get your vehicle?</legend>
        <Choice
          name="method"
          value="PICK_UP"
          checked={method === "PICK_UP"}
          onChange={setMethod}
          title="Pick up at a dealer"
        >
          No extra charge.
        </Choice>
        <Choice
          name="method"
          value="SHIP"
          checked={method === "SHIP"}
          onChange={setMethod}
          title="Ship to my address"
        >
          {shippingFee} per vehicle.
        </Choice>
        {errors.method ? <p className="text-sm text-destructive">{errors.method}</p> : null}
      </fieldset>
      {method === "PICK_UP" ? (
        <Field label="Pick-up dealer" name="pickUpDealerId" error={errors.pickUpDealerId}>
          <Select defaultValue={v("pickUpDealerId")} className={inputClass}>
            {dealers.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <AddressFields
          prefix="shippingAddress"
          legend="Shipping address"
          values={v}
          errors={errors}
          states={states}
        />
      )}
    </StepForm>
  );
}

export function RegistrationStep({
  token,
  defaults,
  registrationStates,
  states,
}: {
  token: string;
  defaults: Values;
  registrationStates: readonly string[];
  states: readonly string[];
}) {
  const { form, errors, typed, v } = useStep(saveStepAction, defaults);
  const [type, setType] = useState(v("type") || "INDIVIDUAL");
  const [same, setSame] = useState(
    typed ? typed.mailingSameAsRegistration === "on" : v("mailingSameAsRegistration") === "on",
  );
  return (
    <StepForm {...form} token={token} step="registration" submit="Continue to payment">
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-semibold">Register the vehicle to</legend>
        <Choice
          name="type"
          value="INDIVIDUAL"
          checked={type === "INDIVIDUAL"}
          onChange={setType}
          title="Me (an individual)"
        />
        <Choice
          name="type"
          value="BUSINESS"
          checked={type === "BUSINESS"}
          onChange={setType}
          title="A business"
        />
      </fieldset>
      {type === "BUSINESS" ? (
        <Field label="Business name" name="businessName" error={errors.businessName}>
          <Input defaultValue={v("businessName")} className={inputClass} />
        </Field>
      ) : null}
      <AddressFields
        prefix="address"
        legend="Registration address"
        values={v}
        errors={errors}
        states={registrationStates}
      />
      <div className="flex items-center gap-2">
        <Checkbox
          id="mailingSameAsRegistration"
          name="mailingSameAsRegistration"
          defaultChecked={same}
          onChange={(e) => setSame(e.currentTarget.checked)}
        />
        <Label htmlFor="mailingSameAsRegistration">
          Mailing address is the same as the registration address
        </Label>
      </div>
      {same ? null : (
        <AddressFields
          prefix="mailingAddress"
          legend="Mailing address"
          values={v}
          errors={errors}
          states={states}
        />
      )}
    </StepForm>
  );
}

export function PaymentOptionStep({
  token,
  defaults,
  options,
}: {
  token: string;
  defaults: Values;
  options: { option: string; label: string; description: string; dueNow: string; total: string }[];
}) {
  const { form, errors, typed } = useStep(saveStepAction, defaults);
  const chosen = typed?.option ?? defaults.option ?? (options.length === 1 ? options[0].option : "");
  return (
    <StepForm {...form} token={token} step="payment" submit="Continue to card details">
      <fieldset className="grid gap-2" aria-describedby={errors.option ? "option-error" : undefined}>
        <legend className="mb-1 text-sm font-semibold">How do you want to pay?</legend>
        {options.map((o) => (
          <Choice key={o.option} name="option" value={o.option} checked={chosen === o.option} title={o.label}>
            {o.description} Due today: <strong className="text-foreground tabular-nums">{o.dueNow}</strong>
            {o.total !== o.dueNow ? <> · total {o.total}</> : null}
          </Choice>
        ))}
        {errors.option ? (
          <p id="option-error" className="text-sm text-destructive">
            {errors.option}
          </p>
        ) : null}
      </fieldset>
    </StepForm>
  );
}

/** The card form; it posts the cart revision and the amount its button shows, so the charge matches. */
export function PayStep({
  token,
  amount,
  dueNowCents,
  revision,
}: {
  token: string;
  amount: string;
  dueNowCents: number;
  revision: number;
}) {
  const { state, form, errors, typed } = useStep(payAction);
  const declined = state.status === "error" && state.data?.code === "card_declined";
  const numberRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (declined) numberRef.current?.focus();
  }, [declined]);
  return (
    <StepForm
      {...form}
      token={token}
      submit={`Pay ${amount} and place order`}
      pendingLabel="Processing payment…"
    >
      <input type="hidden" name="cartRevision" value={revision} />
      <input type="hidden" name="shownDueNowCents" value={dueNowCents} />
      <TestCardFields
        errors={errors}
        typed={typed}
        declined={declined}
        declineMessageId="step-error"
        numberRef={numberRef}
      />
    </StepForm>
  );
}
