"use server";

import { advanceMove, dispatchMove, resolveCancelation } from "@/lib/moves/service";
import { formAction } from "@/lib/platform/actions";
import { invalid } from "@/lib/platform/errors";
import type { FormState } from "@/lib/platform/form-state";
import { withRequestOrigin } from "@/lib/platform/origin";

/** A trimmed form value; empty means "not given". */
function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

/** The leg's id from the hidden field (moves use integer ids). */
function moveIdOf(form: FormData): number {
  const raw = text(form, "moveId");
  const id = Number(raw);
  if (!raw || !Number.isSafeInteger(id) || id <= 0) {
    throw invalid("moveId", "This move could not be found. Reload the page.");
  }
  return id;
}

/** Odometer in whole miles, or undefined when left empty. */
function odometerOf(form: FormData): number | undefined {
  const raw = text(form, "odometer");
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(/[,\s]/g, ""));
  if (!Number.isSafeInteger(n) || n < 0) {
    throw invalid("odometer", "Enter the odometer in whole miles, for example 24180.");
  }
  return n;
}

/** Drops keys whose value is undefined, so empty fields are omitted rather than sent blank. */
function defined<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export async function dispatchAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(
    form,
    ({ db, actor }) => {
      const moveId = moveIdOf(form);
      return withRequestOrigin(() =>
        // Sent even when blank so the service answers with its own message ("Enter the driver's name.").
        dispatchMove(db, actor, moveId, { driver_name: text(form, "driver_name") ?? "" }),
      );
    },
    { success: (m) => `Move ${m.move_id} dispatched to ${m.driver_name}.` },
  );
}

export async function stepAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(
    form,
    ({ db, actor }) => {
      const moveId = moveIdOf(form);
      const input = defined({
        step: text(form, "step"),
        odometer: odometerOf(form),
        fuel_level: text(form, "fuel_level"),
        signer_name: text(form, "signer_name"),
        notes: text(form, "notes"),
      });
      return withRequestOrigin(() => advanceMove(db, actor, moveId, input));
    },
    { success: (m) => `Move ${m.move_id}: ${capitalize(m.status ?? "updated")}.` },
  );
}

const OUTCOME_MESSAGE: Record<string, string> = {
  succeeded: "canceled with no charge",
  partial: "canceled with a partial charge",
  failed: "cancelation failed; the move goes ahead",
};

export async function resolveCancelAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(
    form,
    ({ db, actor }) => {
      const moveId = moveIdOf(form);
      return withRequestOrigin(() =>
        resolveCancelation(db, actor, moveId, defined({ outcome: text(form, "outcome") })),
      );
    },
    { success: (m) => `Move ${m.move_id} ${OUTCOME_MESSAGE[m.cancel_status ?? ""] ?? "updated"}.` },
  );
}
