"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import type { LoanerDto } from "@/lib/moves/serialize";
import { idleState } from "@/lib/platform/form-state";
import { markLoanerReturnedAction, setLoanerStatusAction } from "../actions";

/** Per loaner: take it out of service or put it back, and record a return made without a move. */
export function LoanerActions({ loaner }: { loaner: LoanerDto }) {
  const [statusState, setStatus] = useActionState(setLoanerStatusAction, idleState);
  const [returnState, markReturned] = useActionState(markLoanerReturnedAction, idleState);
  useFormToast(statusState);
  useFormToast(returnState);
  const error = [statusState, returnState].find((s) => s.status === "error")?.message;
  const inService = loaner.status !== "out_of_service";
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap gap-2">
        <form action={setStatus}>
          <input type="hidden" name="loanerId" value={loaner.id} />
          <input type="hidden" name="status" value={inService ? "out_of_service" : "available"} />
          <SubmitButton
            variant="outline"
            size="sm"
            aria-label={`${inService ? "Take out of service" : "Put back in service"}: ${loaner.stock}`}
          >
            {inService ? "Take out of service" : "Put back in service"}
          </SubmitButton>
        </form>
        {loaner.with_customer ? (
          <form action={markReturned}>
            <input type="hidden" name="loanerId" value={loaner.id} />
            <SubmitButton variant="outline" size="sm" aria-label={`Mark returned: ${loaner.stock}`}>
              Mark returned
            </SubmitButton>
          </form>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
