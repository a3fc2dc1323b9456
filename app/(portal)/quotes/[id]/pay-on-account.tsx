"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { idleState } from "@/lib/platform/form-state";
import { payOnAccountAction } from "../../service-orders/actions";

export function PayOnAccountButton({ quoteId }: { quoteId: string }) {
  const [state, action] = useActionState(payOnAccountAction, idleState);
  useFormToast(state);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm("Charge this quote to the dealership's account and start the order?"))
          e.preventDefault();
      }}
    >
      <input type="hidden" name="quoteId" value={quoteId} />
      <SubmitButton variant="secondary" pendingLabel="Charging…">
        Charge dealer account
      </SubmitButton>
    </form>
  );
}
