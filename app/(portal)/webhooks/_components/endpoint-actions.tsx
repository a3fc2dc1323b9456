"use client";

import { useActionState } from "react";
import { SecretReveal } from "@/components/secret-reveal";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { type FormState, idleState } from "@/lib/platform/form-state";
import type { WebhookEndpointDto } from "@/lib/platform/webhooks/serialize";
import { deleteEndpointAction, rotateSecretAction, sendTestEventAction } from "../actions";

export function SendTestEventButton({ endpointId, disabled }: { endpointId: string; disabled?: boolean }) {
  const [state, action] = useActionState(sendTestEventAction, idleState);
  useFormToast(state);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={endpointId} />
      <SubmitButton variant="secondary" pendingLabel="Sending…" disabled={disabled}>
        Send test event
      </SubmitButton>
    </form>
  );
}

export function RotateSecretButton({ endpointId }: { endpointId: string }) {
  const [state, action] = useActionState<FormState<WebhookEndpointDto>, FormData>(
    rotateSecretAction,
    idleState as FormState<WebhookEndpointDto>,
  );
  useFormToast(state);
  return (
    <div className="grid gap-3">
      <form
        action={action}
        onSubmit={(e) => {
          if (!window.confirm("Rotate the signing secret? Receivers must switch to the new one."))
            e.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={endpointId} />
        <SubmitButton variant="outline" pendingLabel="Rotating…">
          Rotate secret
        </SubmitButton>
      </form>
      {state.status === "ok" && state.data?.secret ? (
        <SecretReveal label="New signing secret" value={state.data.secret} />
      ) : null}
    </div>
  );
}

export function DeleteEndpointButton({ endpointId }: { endpointId: string }) {
  const [state, action] = useActionState(deleteEndpointAction, idleState);
  useFormToast(state);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm("Delete this endpoint? Its delivery history stays in the log."))
          e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={endpointId} />
      <SubmitButton variant="destructive" pendingLabel="Deleting…">
        Delete endpoint
      </SubmitButton>
    </form>
  );
}
