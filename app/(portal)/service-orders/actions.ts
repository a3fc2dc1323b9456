"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/platform/actions";
import type { FormState } from "@/lib/platform/form-state";
import { withRequestOrigin } from "@/lib/platform/origin";
import {
  addCandidate,
  createBuyQuoteFromCandidate,
  createDirectOrder,
  createQuote,
  payQuoteOnAccount,
  updateOrder,
} from "@/lib/service-orders/service";
import { addressFrom, compact, contactFrom, list, num, str } from "./form-input";

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

export async function createQuoteAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction(form, ({ db, actor }) =>
    withRequestOrigin(() => createQuote(db, actor, quoteInput(form))),
  );
  if (state.status === "ok") redirect(`/quotes/${(state.data as { id: string }).id}?created=1`);
  return state;
}

export async function createOrderAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction(form, ({ db, actor }) =>
    withRequestOrigin(() =>
      createDirectOrder(db, actor, {
        type: "reconditioning",
        vin: str(form, "vin"),
        stock: str(form, "stock"),
        items: list(form, "items"),
        deal: str(form, "deal"),
        contact: contactFrom(form),
      }),
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

export async function updateOrderAction(_prev: FormState, form: FormData) {
  const id = String(form.get("orderId"));
  const estimated = str(form, "estimatedTime");
  return formAction(
    form,
    ({ db, actor }) =>
      withRequestOrigin(() =>
        updateOrder(db, actor, id, {
          status: str(form, "status"),
          note: str(form, "note"),
          // datetime-local inputs are in the viewer's zone; the form sends the UTC value it computed.
          estimatedTime: estimated,
        }),
      ),
    { success: (o) => `Order is now ${o.status}.` },
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
