"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect } from "react";
import type { ButtonProps } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { ACTION_LABELS, type LineAction } from "@/lib/parts/line-lifecycle";
import { idleState } from "@/lib/platform/form-state";
import { partsLineAction } from "../actions";

/** One line action as a button (server action); refreshes the live queries it affects. */
export function LineActionButton({
  orderId,
  lineId,
  action,
  label,
  alternativePartId,
  refresh,
  variant = "outline",
}: {
  orderId: string;
  lineId: string;
  action: LineAction;
  label?: string;
  alternativePartId?: string;
  refresh: unknown[];
  variant?: ButtonProps["variant"];
}) {
  const [state, formAction] = useActionState(partsLineAction, idleState);
  useFormToast(state);
  const qc = useQueryClient();
  useEffect(() => {
    if (state.status === "ok") qc.invalidateQueries({ queryKey: refresh });
  }, [state, qc, refresh]);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (action === "cancel" && !window.confirm("Cancel this line?")) e.preventDefault();
      }}
    >
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="lineId" value={lineId} />
      <input type="hidden" name="action" value={action} />
      {alternativePartId ? <input type="hidden" name="alternativePartId" value={alternativePartId} /> : null}
      <SubmitButton size="sm" variant={variant}>
        {label ?? ACTION_LABELS[action]}
      </SubmitButton>
    </form>
  );
}
