"use client";

import { useActionState } from "react";
import { SecretReveal } from "@/components/secret-reveal";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { type FormState, idleState } from "@/lib/platform/form-state";
import type { WebhookEndpointDto } from "@/lib/platform/webhooks/serialize";
import { createEndpointAction, updateEndpointAction } from "../actions";

const EVENTS_HINT =
  "Exact names (service.created), wildcards (service.*) or * for everything; separate with commas.";

/** Adds an endpoint, or edits one when `endpoint` is given. */
export function EndpointForm({ endpoint }: { endpoint?: WebhookEndpointDto }) {
  const [state, action] = useActionState<FormState<WebhookEndpointDto>, FormData>(
    endpoint ? updateEndpointAction : createEndpointAction,
    idleState as FormState<WebhookEndpointDto>,
  );
  useFormToast(state);
  const v = state.status === "error" ? state.values : undefined;
  const secret = !endpoint && state.status === "ok" ? state.data?.secret : undefined;
  return (
    <div className="grid gap-4">
      {secret ? <SecretReveal label="Signing secret" value={secret} /> : null}
      <form action={action} className="grid gap-4" noValidate>
        {endpoint ? <input type="hidden" name="id" value={endpoint.id} /> : null}
        <Field label="Endpoint URL" name="url" error={state.fieldErrors?.url} required>
          <Input
            type="url"
            placeholder="https://example.com/webhooks"
            defaultValue={v?.url ?? endpoint?.url}
          />
        </Field>
        <Field
          label="Events"
          name="events"
          error={state.fieldErrors?.events ?? state.fieldErrors?.["events.0"]}
          hint={EVENTS_HINT}
        >
          <Input defaultValue={v?.events ?? endpoint?.events.join(", ") ?? "*"} />
        </Field>
        <Field label="Description" name="description" error={state.fieldErrors?.description}>
          <Input
            placeholder="e.g. DMS integration"
            defaultValue={v?.description ?? endpoint?.description ?? ""}
          />
        </Field>
        {endpoint ? (
          <label className="flex items-center gap-2 text-sm">
            <Checkbox name="enabled" defaultChecked={endpoint.enabled} />
            Enabled
          </label>
        ) : null}
        <div>
          <SubmitButton pendingLabel="Saving…">{endpoint ? "Save endpoint" : "Add endpoint"}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
