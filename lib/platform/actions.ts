import "server-only";
import { revalidatePath } from "next/cache";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { type Db, getDb } from "@/db/client";
import type { UserActor } from "./actor";
import { requireUserActor } from "./auth/current";
import { type FieldIssue, isAppError } from "./errors";
import type { FormState } from "./form-state";
import { isUnsafeKey } from "./unsafe-keys";

function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$") || /password/i.test(key) || typeof value !== "string" || isUnsafeKey(key))
      continue;
    // Own properties only: a field named like an Object.prototype member must not read it.
    values[key] = Object.hasOwn(values, key) ? `${values[key]},${value}` : value;
  }
  return values;
}

/**
 * Next to a form field its name is redundant: the API's "vehicle.make is required." reads
 * "This field is required." there.
 */
function fieldMessage(issue: FieldIssue): string {
  return issue.message === `${issue.param} is required.` ? "This field is required." : issue.message;
}

/**
 * Runs a server action for a form: authenticates inside the action, calls one service function,
 * and maps AppErrors to field messages while echoing the typed values back.
 */
export async function formAction<T>(
  form: FormData,
  run: (ctx: { actor: UserActor; db: Db }) => Promise<T> | T,
  opts: { success?: string | ((data: T) => string); revalidate?: string[] } = {},
): Promise<FormState<T>> {
  const values = typedValues(form);
  try {
    const actor = await requireUserActor();
    const data = await run({ actor, db: getDb() });
    for (const path of opts.revalidate ?? []) revalidatePath(path);
    const message = typeof opts.success === "function" ? opts.success(data) : opts.success;
    return { status: "ok", message, data, at: Date.now() };
  } catch (e) {
    if (isRedirectError(e)) throw e;
    if (isAppError(e)) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of e.issues)
        if (issue.param && !fieldErrors[issue.param]) fieldErrors[issue.param] = fieldMessage(issue);
      const message =
        e.issues[0] && e.message === e.issues[0].message ? fieldMessage(e.issues[0]) : e.message;
      return { status: "error", message, fieldErrors, values, at: Date.now() };
    }
    console.error("[action] unexpected error", e);
    return {
      status: "error",
      message: "Something went wrong on our side. Try again.",
      values,
      at: Date.now(),
    };
  }
}

/** For one-click actions (buttons): same authorization and error mapping, no field values. */
export async function buttonAction<T>(
  run: (ctx: { actor: UserActor; db: Db }) => Promise<T> | T,
  opts: { success?: string; revalidate?: string[] } = {},
): Promise<FormState<T>> {
  return formAction(new FormData(), run, opts);
}
