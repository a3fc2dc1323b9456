"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { idleState } from "@/lib/platform/form-state";
import { bookMoveAction } from "../actions";

export interface LoanerOption {
  stock: string;
  label: string;
}

type Errors = Record<string, string>;
type Values = Record<string, string> | undefined;

function PlaceFields({
  prefix,
  legend,
  errors,
  values,
  defaults,
}: {
  prefix: string;
  legend: string;
  errors: Errors;
  values: Values;
  defaults?: Record<string, string>;
}) {
  const field = (label: string, name: string, props: React.ComponentProps<typeof Input> = {}) => (
    <Field label={label} name={`${prefix}.${name}`} error={errors[`${prefix}.${name}`]}>
      <Input defaultValue={values?.[`${prefix}.${name}`] ?? defaults?.[name]} {...props} />
    </Field>
  );
  return (
    <fieldset className="grid gap-3 sm:grid-cols-6">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="sm:col-span-3">{field(`${legend}: name`, "name")}</div>
      <div className="sm:col-span-3">{field(`${legend}: street`, "address_one")}</div>
      <div className="sm:col-span-2">{field(`${legend}: unit`, "address_two")}</div>
      <div className="sm:col-span-2">{field(`${legend}: city`, "city")}</div>
      {field(`${legend}: state`, "state", { maxLength: 2 })}
      {field(`${legend}: ZIP`, "zip", { inputMode: "numeric", maxLength: 5 })}
    </fieldset>
  );
}

/** Mirrors POST /v1/concierge-loaner-moves, with places named by role instead of by leg. */
export function BookingForm({
  loaners,
  center,
  zone,
}: {
  loaners: LoanerOption[];
  center: Record<string, string>;
  /** "New York time": the dealer's clock, on which the appointment is typed (the server converts it). */
  zone: string;
}) {
  const [state, action] = useActionState(bookMoveAction, idleState);
  const e = state.fieldErrors ?? {};
  const v = state.values;
  return (
    <form
      // Remount after each submit so every field, selects included, shows what was sent.
      key={state.at ?? "new"}
      action={action}
      className="grid gap-6"
      noValidate
    >
      {state.status === "error" && state.message ? (
        <p
          role="alert"
          className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
        >
          {state.message}
        </p>
      ) : null}
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">Customer</legend>
        <Field label="Customer name" name="customer_name" error={e.customer_name}>
          <Input defaultValue={v?.customer_name} />
        </Field>
        <Field
          label="Customer phone"
          name="customer_phone"
          error={e.customer_phone}
          hint="Text updates go to this number."
        >
          <Input type="tel" defaultValue={v?.customer_phone} />
        </Field>
        <Field
          label={`Appointment (${zone})`}
          name="appointment_local"
          error={e.appointment_time_utc}
          hint="When the driver reaches the customer, on the dealership's clock."
        >
          <Input type="datetime-local" defaultValue={v?.appointment_local} />
        </Field>
        <Field
          label="Customer action"
          name="customer_action"
          error={e.customer_action}
          hint="Pickup: the customer's car is with them. Return: it is at the service center."
        >
          <Select defaultValue={v?.customer_action ?? "pickup"}>
            <option value="pickup">Pickup (bring their car in, leave a loaner)</option>
            <option value="return">Return (take their car back, collect the loaner)</option>
          </Select>
        </Field>
      </fieldset>
      <PlaceFields prefix="center" legend="Service center" errors={e} values={v} defaults={center} />
      <PlaceFields prefix="customer" legend="Customer address" errors={e} values={v} />
      <fieldset className="grid gap-3 sm:grid-cols-4">
        <legend className="mb-1 text-sm font-medium">Customer vehicle</legend>
        {(
          [
            ["Make", "make"],
            ["Model", "model"],
            ["Year", "year"],
            ["Color", "color"],
            ["VIN", "vin"],
            ["Stock number", "stock"],
          ] as const
        ).map(([label, name]) => (
          <Field
            key={name}
            label={`Vehicle ${label.toLowerCase()}`}
            name={`vehicle.${name}`}
            error={e[`vehicle.${name}`]}
          >
            <Input defaultValue={v?.[`vehicle.${name}`]} />
          </Field>
        ))}
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <Checkbox name="vehicle.manual" defaultChecked={v?.["vehicle.manual"] === "on"} />
          Manual transmission
        </label>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">Loaner and notes</legend>
        <Field
          label="Loaner"
          name="loaner_stock"
          error={e.loaner_stock}
          hint="Not decided yet? Leave it; assign it later."
        >
          <Select defaultValue={v?.loaner_stock ?? ""}>
            <option value="">Decide later</option>
            {loaners.map((l) => (
              <option key={l.stock} value={l.stock}>
                {l.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Repair order / reference" name="reference_id" error={e["customer_move.reference_id"]}>
          <Input defaultValue={v?.reference_id} />
        </Field>
        <Field label="Dealer contact" name="dealer_contact" error={e["customer_move.dealer_contact"]}>
          <Input defaultValue={v?.dealer_contact} />
        </Field>
        <Field label="Instructions for the customer's car" name="customer_instructions">
          <Textarea rows={2} defaultValue={v?.customer_instructions} />
        </Field>
        <Field label="Instructions for the loaner" name="loaner_instructions">
          <Textarea rows={2} defaultValue={v?.loaner_instructions} />
        </Field>
      </fieldset>
      <div>
        <SubmitButton pendingLabel="Booking…">Book move</SubmitButton>
      </div>
    </form>
  );
}
