"use server";

import { formAction } from "@/lib/platform/actions";
import type { FormState } from "@/lib/platform/form-state";
import { attachToDeal, createDeal, type DealDto } from "@/lib/service-orders/deals";

/** A trimmed form value, or undefined when the field is missing or blank (optional fields are omitted). */
function field(form: FormData, name: string): string | undefined {
  const raw = form.get(name);
  if (typeof raw !== "string") return undefined;
  const value = raw.trim();
  return value === "" ? undefined : value;
}

/** Ids typed into one box: "quote_a, quote_b" or one per line. */
function idList(form: FormData, name: string): string[] | undefined {
  const ids = (field(form, name) ?? "").split(/[\s,]+/).filter(Boolean);
  return ids.length ? ids : undefined;
}

/** Drops undefined keys; returns undefined when nothing is left. */
function compact<T extends Record<string, unknown>>(obj: T): Partial<T> | undefined {
  const entries = Object.entries(obj).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}

/** Flat form fields -> the createDeal input. */
function dealInput(form: FormData) {
  const year = field(form, "year");
  return {
    customer:
      compact({
        name: field(form, "name"),
        email: field(form, "email"),
        phone: field(form, "phone"),
      }) ?? {},
    vehicle: compact({
      vin: field(form, "vin"),
      year: year === undefined ? undefined : Number(year),
      make: field(form, "make"),
      model: field(form, "model"),
      stock: field(form, "stock"),
    }),
    quotes: idList(form, "quotes"),
    orders: idList(form, "orders"),
  };
}

const MAX_YEAR = new Date().getUTCFullYear() + 2;

/**
 * Deal-specific wording for a few fields; the plain defaults (lib/platform/zod-messages.ts) and the
 * service's own messages (VIN, email, phone, "No such order") are kept as they are.
 */
function readable(param: string, message: string): string {
  if (param === "vehicle.year") return `Enter a model year between 1950 and ${MAX_YEAR}.`;
  if (param === "customer.name" && /required|must not be empty|Enter text/.test(message))
    return "Enter the customer's name.";
  if (param === "quotes" && message.startsWith("Name quotes or orders"))
    return "Enter a quote ID or an order ID to attach.";
  return message;
}

function withReadableErrors<T>(state: FormState<T>): FormState<T> {
  if (state.status !== "error" || !state.fieldErrors) return state;
  const fieldErrors: Record<string, string> = {};
  let message = state.message;
  for (const [param, original] of Object.entries(state.fieldErrors)) {
    fieldErrors[param] = readable(param, original);
    if (message === original) message = fieldErrors[param];
  }
  return { ...state, message, fieldErrors };
}

export async function createDealAction(_prev: FormState<DealDto>, form: FormData) {
  const state = await formAction(form, ({ db, actor }) => createDeal(db, actor, dealInput(form)), {
    success: (deal) => `Deal created for ${deal.customer.name}.`,
    revalidate: ["/deals"],
  });
  return withReadableErrors(state);
}

export async function attachToDealAction(_prev: FormState<DealDto>, form: FormData) {
  const dealId = String(form.get("dealId") ?? "");
  const state = await formAction(
    form,
    ({ db, actor }) =>
      attachToDeal(
        db,
        actor,
        dealId,
        compact({ quotes: idList(form, "quotes"), orders: idList(form, "orders") }) ?? {},
      ),
    {
      success: "Attached to the deal.",
      revalidate: [`/deals/${dealId}`, `/deals/${dealId}/invoice`, "/deals"],
    },
  );
  return withReadableErrors(state);
}
