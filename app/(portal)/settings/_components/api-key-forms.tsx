"use client";

import { useActionState, useState } from "react";
import { SecretReveal } from "@/components/secret-reveal";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { type FormState, idleState } from "@/lib/platform/form-state";
import type { ApiKeyDto } from "@/lib/platform/identity/api-keys";
import { createApiKeyAction, revokeApiKeyAction } from "../actions";

export function CreateApiKeyForm({ resources }: { resources: readonly string[] }) {
  const [state, action] = useActionState<FormState<{ key: string; apiKey: ApiKeyDto }>, FormData>(
    createApiKeyAction,
    idleState as FormState<{ key: string; apiKey: ApiKeyDto }>,
  );
  useFormToast(state);
  const [access, setAccess] = useState<"full" | "scoped">("full");
  const v = state.status === "error" ? state.values : undefined;
  return (
    <div className="grid gap-4">
      {state.status === "ok" && state.data ? <SecretReveal label="API key" value={state.data.key} /> : null}
      <form action={action} className="grid gap-4" noValidate>
        <Field
          label="Name"
          name="name"
          error={state.fieldErrors?.name}
          hint="The integration that will use it, e.g. DMS sync."
        >
          <Input defaultValue={v?.name} />
        </Field>
        <fieldset className="grid gap-2">
          <legend className="text-sm font-medium">Access</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="access"
              value="full"
              checked={access === "full"}
              onChange={() => setAccess("full")}
            />
            Full access (*)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="access"
              value="scoped"
              checked={access === "scoped"}
              onChange={() => setAccess("scoped")}
            />
            Only these permissions
          </label>
          {access === "scoped" ? (
            <div className="grid gap-1 pl-6 sm:grid-cols-2">
              {resources.flatMap((r) =>
                ["read", "write"].map((verb) => (
                  <label key={`${r}.${verb}`} className="flex items-center gap-2 font-mono text-xs">
                    <Checkbox name="scopes" value={`${r}.${verb}`} />
                    {r}.{verb}
                  </label>
                )),
              )}
            </div>
          ) : null}
          {state.fieldErrors?.scopes ? (
            <p role="alert" className="text-sm text-destructive">
              {state.fieldErrors.scopes}
            </p>
          ) : null}
        </fieldset>
        <div>
          <SubmitButton pendingLabel="Creating…">Create API key</SubmitButton>
        </div>
      </form>
    </div>
  );
}

export function RevokeApiKeyButton({ keyId, name }: { keyId: string; name: string }) {
  const [state, action] = useActionState(revokeApiKeyAction, idleState);
  useFormToast(state);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Revoke “${name}”? Integrations using it stop working at once.`))
          e.preventDefault();
      }}
    >
      <input type="hidden" name="keyId" value={keyId} />
      <SubmitButton size="sm" variant="destructive" aria-label={`Revoke ${name}`}>
        Revoke
      </SubmitButton>
    </form>
  );
}
