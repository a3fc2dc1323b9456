"use client";

import { useActionState } from "react";
import { ConfirmForm } from "@/components/confirm-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { idleState } from "@/lib/platform/form-state";
import { payOnAccountAction } from "../../service-orders/actions";

export function PayOnAccountButton({ quoteId, total }: { quoteId: string; total: string }) {
  const [state, action] = useActionState(payOnAccountAction, idleState);
  useFormToast(state);
  return (
    <ConfirmForm
      action={action}
      confirm={{
        title: "Charge the dealership's account?",
        description: `${total} is charged to the dealership's account and the service order starts.`,
        confirmLabel: "Charge account",
      }}
    >
      <input type="hidden" name="quoteId" value={quoteId} />
      <SubmitButton variant="secondary" pendingLabel="Charging…">
        Charge dealer account
      </SubmitButton>
    </ConfirmForm>
  );
}
