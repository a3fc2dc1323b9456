"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { type FormState, idleState } from "@/lib/platform/form-state";
import { createOrderAction, createQuoteAction } from "../actions";
import { NO_DEAL } from "../form-input";

export interface ServiceOption {
  code: string;
  name: string;
  description: string;
  price: number;
  hours: number;
}
export interface DealOption {
  id: string;
  label: string;
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
type Errors = Record<string, string>;
type Values = Record<string, string> | undefined;

function FormAlert({ state }: { state: FormState }) {
  if (state.status !== "error" || !state.message) return null;
  return (
    <p
      role="alert"
      className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
    >
      {state.message}
    </p>
  );
}

function ServicePicker({
  services,
  errors,
  values,
}: {
  services: ServiceOption[];
  errors: Errors;
  values: Values;
}) {
  const chosen = new Set((values?.items ?? "").split(",").filter(Boolean));
  const error = errors.items ?? Object.entries(errors).find(([k]) => k.startsWith("items."))?.[1];
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? "items-error" : undefined}>
      <legend className="mb-1 text-sm font-medium">Services</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {services.map((s) => (
          <label
            key={s.code}
            className="flex items-start gap-2 rounded-md border p-2 text-sm has-[:checked]:border-primary"
          >
            <Checkbox name="items" value={s.code} defaultChecked={chosen.has(s.code)} className="mt-0.5" />
            <span>
              <span className="font-medium">{s.name}</span> · {usd.format(s.price)}
              <span className="block text-xs text-muted-foreground">
                {s.description} About {s.hours} h.
              </span>
            </span>
          </label>
        ))}
      </div>
      <FieldError id="items-error">{error}</FieldError>
    </fieldset>
  );
}

/**
 * The deal to attach. `ask` (direct orders, where the docs call a deal "highly recommended") makes
 * it a choice staff must make: a deal, or "No deal" on purpose.
 */
function DealSelect({
  deals,
  errors,
  values,
  ask,
}: {
  deals: DealOption[];
  errors: Errors;
  values: Values;
  ask?: boolean;
}) {
  return (
    <Field
      label="Deal"
      name="deal"
      error={errors.deal}
      required={ask}
      hint={
        ask
          ? "Choose the customer's deal so its final invoice includes this order, or “No deal” if there is none."
          : "Optional."
      }
    >
      <Select defaultValue={values?.deal ?? ""}>
        {ask ? (
          <>
            <option value="">Choose a deal…</option>
            <option value={NO_DEAL}>No deal</option>
          </>
        ) : (
          <option value="">No deal</option>
        )}
        {deals.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function ContactFields({
  errors,
  values,
  legend = "Customer contact",
}: {
  errors: Errors;
  values: Values;
  legend?: string;
}) {
  return (
    <fieldset className="grid gap-3 sm:grid-cols-3">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <Field label="Contact name" name="contact.name" error={errors["contact.name"]}>
        <Input defaultValue={values?.["contact.name"]} autoComplete="off" />
      </Field>
      <Field
        label="Contact email"
        name="contact.email"
        error={errors["contact.email"]}
        hint="Status emails go here."
      >
        <Input type="email" defaultValue={values?.["contact.email"]} autoComplete="off" />
      </Field>
      <Field label="Contact phone" name="contact.phone" error={errors["contact.phone"]}>
        <Input type="tel" defaultValue={values?.["contact.phone"]} autoComplete="off" />
      </Field>
    </fieldset>
  );
}

function VinFields({ errors, values }: { errors: Errors; values: Values }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label="VIN" name="vin" error={errors.vin} required>
        <Input
          defaultValue={values?.vin}
          autoCapitalize="characters"
          maxLength={17}
          className="font-mono uppercase"
        />
      </Field>
      <Field label="Stock number" name="stock" error={errors.stock}>
        <Input defaultValue={values?.stock} />
      </Field>
    </div>
  );
}

export function ReconQuoteForm({ services, deals }: { services: ServiceOption[]; deals: DealOption[] }) {
  const [state, action] = useActionState(createQuoteAction, idleState);
  const e = state.fieldErrors ?? {};
  const v = state.values;
  return (
    <form action={action} className="grid gap-5" noValidate key={state.at ?? "new"}>
      <FormAlert state={state} />
      <input type="hidden" name="kind" value="reconditioning" />
      <VinFields errors={e} values={v} />
      <ServicePicker services={services} errors={e} values={v} />
      <DealSelect deals={deals} errors={e} values={v} />
      <ContactFields errors={e} values={v} />
      <div>
        <SubmitButton pendingLabel="Creating…">Create quote</SubmitButton>
      </div>
    </form>
  );
}

export function DirectOrderForm({
  services,
  deals,
  requestToken,
}: {
  services: ServiceOption[];
  deals: DealOption[];
  /** Made by the page for this render: the service places one order per token. */
  requestToken: string;
}) {
  const [state, action] = useActionState(createOrderAction, idleState);
  const e = state.fieldErrors ?? {};
  const v = state.values;
  return (
    <form action={action} className="grid gap-5" noValidate key={state.at ?? "new"}>
      <FormAlert state={state} />
      <input type="hidden" name="requestToken" value={requestToken} />
      <VinFields errors={e} values={v} />
      <ServicePicker services={services} errors={e} values={v} />
      <DealSelect deals={deals} errors={e} values={v} ask />
      <ContactFields errors={e} values={v} />
      <div>
        <SubmitButton pendingLabel="Placing…">Place order on account</SubmitButton>
      </div>
    </form>
  );
}

const text = (
  label: string,
  name: string,
  e: Errors,
  v: Values,
  props: React.ComponentProps<typeof Input> = {},
) => (
  <Field label={label} name={name} error={e[name]}>
    <Input defaultValue={v?.[name]} {...props} />
  </Field>
);

export function SearchQuoteForm({ deals }: { deals: DealOption[] }) {
  const [state, action] = useActionState(createQuoteAction, idleState);
  const e = state.fieldErrors ?? {};
  const v = state.values;
  const select = (label: string, name: string, options: string[]) => (
    <Field label={label} name={name} error={e[name]}>
      <Select defaultValue={v?.[name] ?? ""}>
        <option value="">No preference</option>
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </Select>
    </Field>
  );
  return (
    <form action={action} className="grid gap-5" noValidate key={state.at ?? "new"}>
      <FormAlert state={state} />
      <input type="hidden" name="kind" value="search" />
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium">Buyer</legend>
        {text("First name", "search.firstName", e, v)}
        {text("Last name", "search.lastName", e, v)}
        {text("Email", "search.email", e, v, { type: "email" })}
        {text("Phone", "search.phone", e, v, { type: "tel" })}
        {text("ZIP code", "search.zipcode", e, v, { inputMode: "numeric", maxLength: 5 })}
        {select("Time to purchase", "search.timeToPurchase", [
          "This week",
          "This month",
          "1-3 months",
          "Just looking",
        ])}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium">Vehicle</legend>
        {select("New or used", "search.newUsed", ["New", "Used"])}
        {select("Body style", "search.bodyStyle", [
          "SUV",
          "Sedan",
          "Truck",
          "Coupe",
          "Minivan",
          "Wagon",
          "Convertible",
        ])}
        {text("Car style", "search.carStyle", e, v, { placeholder: "e.g. Luxury" })}
        {text("Year from", "search.yearLower", e, v, { inputMode: "numeric" })}
        {text("Year to", "search.yearUpper", e, v, { inputMode: "numeric" })}
        {text("Min mileage", "search.mileageLower", e, v, { inputMode: "numeric" })}
        {text("Max mileage", "search.mileageUpper", e, v, { inputMode: "numeric" })}
        {text("Exterior color", "search.exteriorColor", e, v)}
        {text("Interior color", "search.interiorColor", e, v)}
        {select("Fuel type", "search.fuelType", ["Gasoline", "Hybrid", "Electric", "Diesel"])}
        {select("Drivetrain", "search.driveTrain", ["AWD", "4WD", "FWD", "RWD"])}
        {select("Transmission", "search.transmission", ["Automatic", "Manual"])}
        {text("Comfort features", "search.comfort", e, v, { placeholder: "Heated seats, Sunroof" })}
        {text("Safety features", "search.safety", e, v, { placeholder: "Blind spot monitor" })}
        {text("Entertainment", "search.entertainment", e, v, { placeholder: "CarPlay" })}
        {text("Utility", "search.utility", e, v, { placeholder: "Tow hitch" })}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium">Budget</legend>
        {select("Purchase option", "search.purchaseOption", ["Finance", "Cash", "Lease"])}
        {text("Cash down ($)", "search.cashDown", e, v, { inputMode: "decimal" })}
        {text("Monthly payment ($)", "search.monthlyPayment", e, v, { inputMode: "decimal" })}
        {select("Credit score", "search.creditScore", [
          "Excellent Credit (750+)",
          "Good Credit (700-749)",
          "Fair Credit (650-699)",
          "Poor Credit (below 650)",
        ])}
      </fieldset>
      <Field label="Comments" name="search.comments" error={e["search.comments"]}>
        <Textarea rows={3} defaultValue={v?.["search.comments"]} />
      </Field>
      <DealSelect deals={deals} errors={e} values={v} />
      <div>
        <SubmitButton pendingLabel="Creating…">Create search quote</SubmitButton>
      </div>
    </form>
  );
}

export function BuyQuoteFormFull({ deals }: { deals: DealOption[] }) {
  const [state, action] = useActionState(createQuoteAction, idleState);
  const e = state.fieldErrors ?? {};
  const v = state.values;
  return (
    <form action={action} className="grid gap-5" noValidate key={state.at ?? "new"}>
      <FormAlert state={state} />
      <input type="hidden" name="kind" value="buy" />
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium">Vehicle to buy</legend>
        {text("VIN", "vehicle.vin", e, v, { className: "font-mono uppercase", maxLength: 17 })}
        {text("Year", "vehicle.year", e, v, { inputMode: "numeric" })}
        {text("Make", "vehicle.make", e, v)}
        {text("Model", "vehicle.model", e, v)}
        {text("Trim", "vehicle.trim", e, v)}
        {text("Mileage", "vehicle.mileage", e, v, { inputMode: "numeric" })}
        {text("Price ($)", "vehicle.price", e, v, { inputMode: "decimal" })}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-4">
        <legend className="mb-1 text-sm font-medium">Deliver to</legend>
        <div className="sm:col-span-4">
          {text(
            "Street",
            "deliveryAddress.street",
            { ...e, "deliveryAddress.street": e["deliveryAddress.street"] ?? e.deliveryAddress },
            v,
          )}
        </div>
        {text("City", "deliveryAddress.city", e, v)}
        {text("State", "deliveryAddress.state", e, v, { maxLength: 2 })}
        {text("ZIP", "deliveryAddress.zip", e, v, { inputMode: "numeric", maxLength: 5 })}
      </fieldset>
      <DealSelect deals={deals} errors={e} values={v} />
      <ContactFields errors={e} values={v} legend="Buyer contact" />
      <div>
        <SubmitButton pendingLabel="Creating…">Create buy quote</SubmitButton>
      </div>
    </form>
  );
}
