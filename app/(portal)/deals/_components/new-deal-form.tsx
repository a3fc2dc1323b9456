"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { type FormState, idleState } from "@/lib/platform/form-state";
import type { DealDto } from "@/lib/service-orders/deals";
import { createDealAction } from "../actions";
import { AttachFields } from "./attach-form";

/** Opens a deal for a customer (and optionally the vehicle being sold, and its quotes and orders). */
export function NewDealForm() {
  const [state, action] = useActionState<FormState<DealDto>, FormData>(
    createDealAction,
    idleState as FormState<DealDto>,
  );
  useFormToast(state);
  const v = state.status === "error" ? state.values : undefined;
  const err = state.fieldErrors ?? {};
  const created = state.status === "ok" ? state.data : undefined;
  const general = state.status === "error" && Object.keys(err).length === 0 ? state.message : undefined;
  return (
    <div className="grid gap-4">
      <div role="status" aria-live="polite">
        {created ? (
          <p className="rounded-md border border-border bg-muted/50 px-3 py-2 text-sm">
            Deal created for {created.customer.name}.{" "}
            <Link className="font-medium text-primary hover:underline" href={`/deals/${created.id}`}>
              Open deal {created.id}
            </Link>
          </p>
        ) : null}
      </div>
      <form action={action} className="grid gap-6" noValidate aria-label="New deal">
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold">Customer</legend>
          <Field
            label="Customer name"
            name="name"
            error={err["customer.name"] ?? err.customer}
            required
            className="sm:col-span-2"
          >
            <Input autoComplete="off" defaultValue={v?.name} />
          </Field>
          <Field label="Email" name="email" error={err["customer.email"]}>
            <Input type="email" autoComplete="off" defaultValue={v?.email} />
          </Field>
          <Field label="Phone" name="phone" error={err["customer.phone"]}>
            <Input type="tel" autoComplete="off" defaultValue={v?.phone} />
          </Field>
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold">Vehicle (optional)</legend>
          <Field label="VIN" name="vin" error={err["vehicle.vin"]} className="sm:col-span-2">
            <Input
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              className="font-mono uppercase"
              defaultValue={v?.vin}
            />
          </Field>
          <Field label="Year" name="year" error={err["vehicle.year"]}>
            <Input inputMode="numeric" autoComplete="off" placeholder="e.g. 2022" defaultValue={v?.year} />
          </Field>
          <Field label="Make" name="make" error={err["vehicle.make"]}>
            <Input autoComplete="off" placeholder="e.g. Honda" defaultValue={v?.make} />
          </Field>
          <Field label="Model" name="model" error={err["vehicle.model"]}>
            <Input autoComplete="off" placeholder="e.g. Accord" defaultValue={v?.model} />
          </Field>
          <Field label="Stock number" name="stock" error={err["vehicle.stock"]}>
            <Input autoComplete="off" defaultValue={v?.stock} />
          </Field>
        </fieldset>
        <AttachFields errors={err} values={v} legend="Attach quotes and orders (optional)" />
        <FieldError>{general}</FieldError>
        <div>
          <SubmitButton pendingLabel="Creating…">Create deal</SubmitButton>
        </div>
      </form>
    </div>
  );
}
