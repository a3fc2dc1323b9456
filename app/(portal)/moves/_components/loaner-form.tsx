"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { idleState } from "@/lib/platform/form-state";
import { createLoanerAction } from "../actions";

export function LoanerForm() {
  const [state, action] = useActionState(createLoanerAction, idleState);
  useFormToast(state);
  const v = state.status === "error" ? state.values : undefined;
  const e = state.fieldErrors ?? {};
  return (
    <form
      action={action}
      className="grid gap-3 sm:grid-cols-3"
      noValidate
      key={state.status === "ok" ? state.at : "loaner"}
    >
      {(
        [
          ["Stock number", "stock"],
          ["Make", "make"],
          ["Model", "model"],
          ["Year", "year"],
          ["Color", "color"],
          ["VIN", "vin"],
        ] as const
      ).map(([label, name]) => (
        <Field key={name} label={label} name={name} error={e[name]}>
          <Input defaultValue={v?.[name]} />
        </Field>
      ))}
      <div className="sm:col-span-3">
        <SubmitButton>Add loaner</SubmitButton>
      </div>
    </form>
  );
}
