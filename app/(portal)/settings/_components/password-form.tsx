"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { idleState } from "@/lib/platform/form-state";
import { changePasswordAction } from "../actions";

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, idleState);
  useFormToast(state);
  return (
    <form action={action} className="grid max-w-md gap-4" noValidate>
      <Field label="Current password" name="currentPassword" error={state.fieldErrors?.currentPassword}>
        <Input type="password" autoComplete="current-password" />
      </Field>
      <Field
        label="New password"
        name="newPassword"
        error={state.fieldErrors?.newPassword}
        hint="At least 10 characters."
      >
        <Input type="password" autoComplete="new-password" />
      </Field>
      <Field label="Confirm new password" name="confirmPassword" error={state.fieldErrors?.confirmPassword}>
        <Input type="password" autoComplete="new-password" />
      </Field>
      <div>
        <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}
