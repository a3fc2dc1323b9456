"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/platform/actions";
import { invalid } from "@/lib/platform/errors";
import type { FormState } from "@/lib/platform/form-state";
import { withRequestOrigin } from "@/lib/platform/origin";
import { fromLocalInput } from "@/lib/platform/zoned-time";
import { orderTimeZone } from "@/lib/service-orders/queries";
import {
  addCandidate,
  cancelQuote,
  createBuyQuoteFromCandidate,
  createDirectOrder,
  createQuote,
  payQuoteOnAccount,
  updateOrder,
} from "@/lib/service-orders/service";
import { addressFrom, compact, contactFrom, list, NO_DEAL, num, str } from "./form-input";

const SEARCH_TEXT = [
  "newUsed",
  "bodyStyle",
  "carStyle",
  "exteriorColor",
  "interiorColor",
  "fuelType",
  "driveTrain",
  "transmission",
  "purchaseOption",
  "creditScore",
  "timeToPurchase",
  "firstName",
  "lastName",
  "email",
  "phone",
  "zipcode",
  "comments",
] as const;
const SEARCH_NUMBERS = [
  "yearLower",
  "yearUpper",
  "mileageLower",
  "mileageUpper",
  "cashDown",
  "monthlyPayment",
] as const;
const SEARCH_LISTS = ["comfort", "safety", "entertainment", "utility"] as const;

function quoteInput(form: FormData) {
  const kind = str(form, "kind");
  const common = { deal: str(form, "deal"), contact: contactFrom(form) };
  if (kind === "search") {
    const search: Record<string, unknown> = {};
    // "No preference" in a select is the empty value: the criterion is left out.
    for (const k of SEARCH_TEXT) search[k] = str(form, `search.${k}`);
    for (const k of SEARCH_NUMBERS) search[k] = num(form, `search.${k}`);
    for (const k of SEARCH_LISTS) search[k] = list(form, `search.${k}`);
    return { type: "concierge", services: ["search"], search: compact(search) ?? {}, ...common };
  }
  if (kind === "buy") {
    return {
      type: "concierge",
      services: ["buy"],
      vehicle: compact({
        vin: str(form, "vehicle.vin"),
        year: num(form, "vehicle.year"),
        make: str(form, "vehicle.make"),
        model: str(form, "vehicle.model"),
        trim: str(form, "vehicle.trim"),
        mileage: num(form, "vehicle.mileage"),
        price: num(form, "vehicle.price"),
      }),
      deliveryAddress: addressFrom(form),
      ...common,
    };
  }
  return {
    type: "reconditioning",
    vin: str(form, "vin"),
    stock: str(form, "stock"),
    items: list(form, "items"),
    ...common,
  };
}

/**
 * Form wording for the few API messages that name fields in code ("yearUpper must not be below
 * yearLower."); next to a field the label already says which one.
 */
const FORM_MESSAGES: Record<string, [RegExp, string]> = {
  "search.yearUpper": [/yearLower/, "“Year to” must not be before “Year from”."],
  "search.mileageUpper": [/mileageLower/, "Maximum mileage must not be below the minimum."],
};

function readable(state: FormState): FormState {
  if (state.status !== "error" || !state.fieldErrors) return state;
  const fieldErrors = { ...state.fieldErrors };
  let message = state.message;
  for (const [param, [pattern, text]] of Object.entries(FORM_MESSAGES)) {
    const original = fieldErrors[param];
    if (!original || !pattern.test(original)) continue;
    if (message === original) message = text;
    fieldErrors[param] = text;
  }
  return { ...state, message, fieldErrors };
}

export async function createQuoteAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction(form, ({ db, actor }) =>
    withRequestOrigin(() => createQuote(db, actor, quoteInput(form))),
  );
  if (state.status === "ok") redirect(`/quotes/${(state.data as { id: string }).id}?created=1`);
  return readable(state);
}

/** The direct-order form asks for a deal explicitly: a deal, or "No deal" on purpose. */
function chosenDeal(form: FormData): string | undefined {
  const deal = str(form, "deal");
  if (!deal)
    throw invalid(
      "deal",
      "Choose the deal this order belongs to, or “No deal”. A deal's final invoice includes its orders.",
      "field_missing",
    );
  return deal === NO_DEAL ? undefined : deal;
}

export async function createOrderAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction(form, ({ db, actor }) =>
    withRequestOrigin(() =>
      createDirectOrder(
        db,
        actor,
        {
          type: "reconditioning",
          vin: str(form, "vin"),
          stock: str(form, "stock"),
          items: list(form, "items"),
          deal: chosenDeal(form),
          contact: contactFrom(form),
        },
        // Made once per render of the form: a resubmit finds the order it placed.
        { requestToken: str(form, "requestToken") },
      ),
    ),
  );
  if (state.status === "ok") redirect(`/service-orders/${(state.data as { id: string }).id}`);
  return state;
}

export async function payOnAccountAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get("quoteId"));
  const state = await formAction(form, ({ db, actor }) =>
    withRequestOrigin(() => payQuoteOnAccount(db, actor, id, { method: "account" })),
  );
  if (state.status === "ok")
    redirect(`/service-orders/${(state.data as { order: { id: string } }).order.id}`);
  return state;
}

/**
 * The delay form's `datetime-local` value is the dealer's wall time (its label names the zone), so
 * it is read in the order's dealer's zone, looked up here rather than taken from the form, whatever
 * the viewer's browser zone. A value that is no date passes through unchanged for validation to
 * name the field.
 */
function estimateFrom(form: FormData, timeZone: () => string): string | undefined {
  const local = str(form, "estimatedLocal");
  if (!local) return str(form, "estimatedTime");
  return fromLocalInput(local, timeZone())?.toISOString() ?? local;
}

export async function updateOrderAction(_prev: FormState, form: FormData) {
  const id = String(form.get("orderId"));
  return formAction(
    form,
    ({ db, actor }) =>
      withRequestOrigin(() =>
        updateOrder(db, actor, id, {
          status: str(form, "status"),
          note: str(form, "note"),
          estimatedTime: estimateFrom(form, () => orderTimeZone(db, actor, id)),
        }),
      ),
    { success: (o) => `Order is now ${o.status}.` },
  );
}

export async function cancelQuoteAction(_prev: FormState, form: FormData) {
  const id = String(form.get("quoteId"));
  return formAction(
    form,
    ({ db, actor }) => withRequestOrigin(() => cancelQuote(db, actor, id, { reason: str(form, "reason") })),
    { success: "Quote canceled. Its pay link now says so.", revalidate: [`/quotes/${id}`, "/quotes"] },
  );
}

export async function addCandidateAction(_prev: FormState, form: FormData) {
  const id = String(form.get("orderId"));
  return formAction(
    form,
    ({ db, actor }) =>
      withRequestOrigin(() =>
        addCandidate(db, actor, id, {
          vin: str(form, "vin"),
          year: num(form, "year"),
          make: str(form, "make"),
          model: str(form, "model"),
          trim: str(form, "trim"),
          mileage: num(form, "mileage"),
          price: num(form, "price"),
          location: str(form, "location"),
          notes: str(form, "notes"),
        }),
      ),
    { success: "Candidate added." },
  );
}

export async function buyQuoteFromCandidateAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get("candidateId"));
  const state = await formAction(form, ({ db, actor }) =>
    withRequestOrigin(() =>
      createBuyQuoteFromCandidate(db, actor, id, { deliveryAddress: addressFrom(form) }),
    ),
  );
  if (state.status === "ok") redirect(`/quotes/${(state.data as { id: string }).id}?created=1`);
  return state;
}
