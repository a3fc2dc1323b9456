"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { idleState } from "@/lib/platform/form-state";
import { createUserAction, setUserDisabledAction } from "../actions";

export function CreateUserForm() {
  const [state, action] = useActionState(createUserAction, idleState);
  useFormToast(state);
  const v = state.status === "error" ? state.values : undefined;
  return (
    <form
      action={action}
      className="grid gap-4 sm:grid-cols-2"
      noValidate
      key={state.status === "ok" ? state.at : "form"}
    >
      <Field label="Name" name="name" error={state.fieldErrors?.name}>
        <Input defaultValue={v?.name} />
      </Field>
      <Field label="Email" name="email" error={state.fieldErrors?.email}>
        <Input type="email" defaultValue={v?.email} />
      </Field>
      <Field label="Role" name="role" error={state.fieldErrors?.role}>
        <Select defaultValue={v?.role ?? "staff"}>
          <option value="staff">Staff</option>
          <option value="admin">Admin</option>
        </Select>
      </Field>
      <Field
        label="Initial password"
        name="password"
        error={state.fieldErrors?.password}
        hint="At least 10 characters."
      >
        <Input type="password" autoComplete="new-password" />
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel="Adding…">Add user</SubmitButton>
      </div>
    </form>
  );
}

export function ToggleUserButton({
  userId,
  disabled,
  name,
}: {
  userId: string;
  disabled: boolean;
  name: string;
}) {
  const [state, action] = useActionState(setUserDisabledAction, idleState);
  useFormToast(state);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <SubmitButton
        size="sm"
        variant={disabled ? "outline" : "destructive"}
        aria-label={`${disabled ? "Enable" : "Disable"} ${name}`}
      >
        {disabled ? "Enable" : "Disable"}
      </SubmitButton>
    </form>
  );
}
