"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useActionState, useEffect } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { useFormToast } from "@/components/use-form-toast";
import { type FormState, idleState } from "@/lib/platform/form-state";
import { ZonedTime } from "../../moves/_components/zoned-time";
import { dispatchAction, resolveCancelAction, stepAction } from "../actions";
import {
  type DriverLeg,
  type DriverStep,
  FUEL_LEVELS,
  nextStep,
  RECORDS_HANDOVER,
  STEP_BUTTON,
} from "./driver-shared";

const BIG = "h-14 w-full text-lg";
const MEDIUM = "h-12 w-full text-base";
/** Inputs that show their own error message. */
const FIELDS = ["driver_name", "odometer", "fuel_level", "signer_name", "notes"];
const ERROR_BOX =
  "rounded-md border border-destructive/40 bg-red-50 p-3 text-sm font-medium text-destructive";

/** Toasts each result and refetches the board after a success so the change shows at once. */
function useResult(state: FormState) {
  useFormToast(state);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (state.status === "ok") queryClient.invalidateQueries({ queryKey: ["driver-board"] });
  }, [state, queryClient]);
}

/** The newest of several action results (each form keeps its own). */
function latest(states: FormState[]): FormState {
  return states.reduce((a, b) => ((b.at ?? 0) > (a.at ?? 0) ? b : a), idleState);
}

/**
 * The controls of one leg. All action state lives here (not in the per-step forms), so a result
 * still toasts and its error still shows when polling swaps the form for the next step's.
 */
export function LegControls({
  leg,
  waitingFor,
  timeZone,
}: {
  leg: DriverLeg;
  waitingFor?: number;
  timeZone: string;
}) {
  const [dispatchState, dispatch] = useActionState(dispatchAction, idleState);
  const [stepState, step] = useActionState(stepAction, idleState);
  const [cancelState, resolve] = useActionState(resolveCancelAction, idleState);
  useResult(dispatchState);
  useResult(stepState);
  useResult(cancelState);

  const last = latest([dispatchState, stepState, cancelState]);
  const fieldMessages = FIELDS.map((name) => last.fieldErrors?.[name]);
  // Shown once: next to its field when it belongs to a visible one, otherwise here (e.g. "step").
  const error =
    last.status === "error" && last.message && !fieldMessages.includes(last.message) ? last.message : null;
  const next = nextStep(leg.status);

  let body: ReactNode;
  if (leg.cancel_status === "succeeded" || leg.cancel_status === "partial") {
    body = (
      <p className="rounded-md bg-muted p-3 text-sm">
        This move was canceled{leg.cancel_status === "partial" ? " with a partial charge" : ""}. Nothing to
        do.
      </p>
    );
  } else if (leg.cancel_status === "pending") {
    body = <CancelForms moveId={leg.move_id} action={resolve} />;
  } else if (leg.status === null) {
    body = <DispatchForm moveId={leg.move_id} action={dispatch} state={dispatchState} />;
  } else if (leg.status === "delivery successful") {
    body = (
      <p className="text-base font-medium text-green-800" data-testid="driver-leg-delivered">
        Delivered at <ZonedTime value={leg.delivery_successful} timeZone={timeZone} />
      </p>
    );
  } else if (next) {
    body = (
      <StepForm
        moveId={leg.move_id}
        step={next}
        action={step}
        state={stepState}
        waitingFor={next === "pickup started" ? waitingFor : undefined}
      />
    );
  }

  return (
    <div className="grid gap-3">
      {body}
      {error ? (
        <p role="alert" data-testid="driver-leg-error" className={ERROR_BOX}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Action = (form: FormData) => void;

function DispatchForm({ moveId, action, state }: { moveId: number; action: Action; state: FormState }) {
  const v = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
      <input type="hidden" name="moveId" value={moveId} />
      <Field label="Driver name" name="driver_name" error={state.fieldErrors?.driver_name}>
        <Input className="h-12" autoComplete="off" enterKeyHint="send" defaultValue={v?.driver_name} />
      </Field>
      <SubmitButton className={`${MEDIUM} sm:w-auto sm:px-8`}>Dispatch</SubmitButton>
    </form>
  );
}

function StepForm({
  moveId,
  step,
  action,
  state,
  waitingFor,
}: {
  moveId: number;
  step: DriverStep;
  action: Action;
  state: FormState;
  waitingFor?: number;
}) {
  // Echo what was typed only into the same step's form (never a later step's).
  const v = state.status === "error" && state.values?.step === step ? state.values : undefined;
  const f = v ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} noValidate className="grid gap-3">
      <input type="hidden" name="moveId" value={moveId} />
      <input type="hidden" name="step" value={step} />
      {RECORDS_HANDOVER(step) ? (
        // Remounted after a failed submit so every control (a <select> too) starts from what was typed.
        <fieldset key={v ? `${step}-${state.at}` : step} className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1 text-sm text-muted-foreground">Handover record (all optional)</legend>
          <Field label="Odometer" name="odometer" hint="Miles" error={f.odometer}>
            <Input
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              className="h-12"
              defaultValue={v?.odometer}
            />
          </Field>
          <Field label="Fuel level" name="fuel_level" error={f.fuel_level}>
            <Select className="h-12" defaultValue={v?.fuel_level ?? ""}>
              <option value="">Not recorded</option>
              {FUEL_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level === "E" ? "E (empty)" : level === "F" ? "F (full)" : level}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Signer name" name="signer_name" error={f.signer_name}>
            <Input className="h-12" autoComplete="off" defaultValue={v?.signer_name} />
          </Field>
          <Field label="Notes" name="notes" error={f.notes} className="sm:col-span-2">
            <Textarea rows={2} defaultValue={v?.notes} />
          </Field>
        </fieldset>
      ) : null}
      {waitingFor ? (
        <p className="text-sm text-muted-foreground">Waiting for leg {waitingFor} to be delivered.</p>
      ) : null}
      <SubmitButton className={BIG} data-step={step}>
        {STEP_BUTTON[step]}
      </SubmitButton>
    </form>
  );
}

const OUTCOMES = [
  { outcome: "succeeded", label: "Cancel: no charge", variant: "default" },
  { outcome: "partial", label: "Cancel: partial", variant: "secondary" },
  { outcome: "failed", label: "Cancel failed", variant: "outline" },
] as const;

function CancelForms({ moveId, action }: { moveId: number; action: Action }) {
  return (
    <div className="grid gap-3 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm font-medium text-amber-900" data-testid="driver-leg-cancel-pending">
        The dealer asked to cancel this move. Record how it ended:
      </p>
      <div className="grid gap-2 sm:grid-cols-3">
        {OUTCOMES.map((o) => (
          <form key={o.outcome} action={action}>
            <input type="hidden" name="moveId" value={moveId} />
            <input type="hidden" name="outcome" value={o.outcome} />
            <SubmitButton variant={o.variant} className={MEDIUM}>
              {o.label}
            </SubmitButton>
          </form>
        ))}
      </div>
    </div>
  );
}
