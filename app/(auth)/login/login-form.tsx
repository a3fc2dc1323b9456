"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/platform/form-state";
import { loginAction } from "./actions";

export function LoginForm({ next }: { next?: string }) {
  const [state, action] = useActionState(loginAction, idleState);
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.status === "error" && state.message ? (
        <p
          role="alert"
          className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
        >
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next ?? ""} />
      <Field label="Email" name="email" error={state.fieldErrors?.email}>
        <Input type="email" autoComplete="username" defaultValue={state.values?.email} autoFocus />
      </Field>
      <Field label="Password" name="password" error={state.fieldErrors?.password}>
        <Input type="password" autoComplete="current-password" />
      </Field>
      <SubmitButton pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
