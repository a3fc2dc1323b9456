"use server";

import { redirect } from "next/navigation";
import { intId } from "@/lib/moves/params";
import {
  assignLoaner,
  bookConciergeLoaner,
  createLoaner,
  patchMove,
  requestCancelation,
} from "@/lib/moves/service";
import { formAction } from "@/lib/platform/actions";
import type { FormState } from "@/lib/platform/form-state";
import { withRequestOrigin } from "@/lib/platform/origin";
import { compact, str } from "../service-orders/form-input";

const location = (form: FormData, prefix: string) =>
  compact({
    name: str(form, `${prefix}.name`) ?? str(form, `${prefix}.address_one`),
    address_one: str(form, `${prefix}.address_one`),
    address_two: str(form, `${prefix}.address_two`),
    city: str(form, `${prefix}.city`),
    state: str(form, `${prefix}.state`),
    zip: str(form, `${prefix}.zip`),
  });

/**
 * The form names places by role (service center, customer); the API names them by move. A
 * pickup starts with the loaner at the service center; a return with the customer's car there.
 */
function bookingInput(form: FormData) {
  const action = str(form, "customer_action");
  const center = location(form, "center");
  const customer = location(form, "customer");
  const loanerStock = str(form, "loaner_stock");
  return {
    appointment_time_utc: str(form, "appointment_time_utc"),
    customer_name: str(form, "customer_name"),
    customer_phone: str(form, "customer_phone"),
    customer_action: action,
    loaner_move: {
      dealer_contact: str(form, "dealer_contact"),
      special_instructions: str(form, "loaner_instructions"),
      vehicle: loanerStock ? { stock: loanerStock } : undefined,
      pickup_location: action === "return" ? customer : center,
    },
    customer_move: {
      dealer_contact: str(form, "dealer_contact"),
      special_instructions: str(form, "customer_instructions"),
      reference_id: str(form, "reference_id"),
      vehicle: {
        stock: str(form, "vehicle.stock"),
        vin: str(form, "vehicle.vin"),
        year: str(form, "vehicle.year"),
        make: str(form, "vehicle.make"),
        model: str(form, "vehicle.model"),
        color: str(form, "vehicle.color"),
        manual: form.get("vehicle.manual") === "on",
      },
      pickup_location: action === "return" ? center : customer,
    },
  };
}

/** API error paths back to the form's field names. */
function formParam(param: string, action: string | undefined): string {
  const loanerPlace = action === "return" ? "customer" : "center";
  const customerPlace = action === "return" ? "center" : "customer";
  return param
    .replace(/^loaner_move\.pickup_location/, loanerPlace)
    .replace(/^customer_move\.pickup_location/, customerPlace)
    .replace(/^customer_move\.vehicle/, "vehicle")
    .replace(/^loaner_move\.vehicle\.stock$/, "loaner_stock");
}

export async function bookMoveAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction(form, ({ db, actor }) =>
    withRequestOrigin(() => bookConciergeLoaner(db, actor, bookingInput(form))),
  );
  if (state.status === "ok") {
    const booked = state.data as { customer_move: { move_id: number } };
    redirect(`/moves/${booked.customer_move.move_id}`);
  }
  const action = str(form, "customer_action");
  return {
    ...state,
    fieldErrors: Object.fromEntries(
      Object.entries(state.fieldErrors ?? {}).map(([k, v]) => [formParam(k, action), v]),
    ),
  };
}

export async function cancelMoveAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) => requestCancelation(db, actor, { move_id: Number(form.get("moveId")) }),
    {
      success: "Cancelation requested. Operations will confirm it.",
    },
  );
}

export async function patchMoveAction(_prev: FormState, form: FormData) {
  const readyBy = str(form, "ready_by");
  return formAction(
    form,
    ({ db, actor }) =>
      withRequestOrigin(() =>
        patchMove(
          db,
          actor,
          intId(String(form.get("moveId")), "move"),
          compact({
            vehicle: compact({
              stock: str(form, "vehicle.stock"),
              color: str(form, "vehicle.color"),
              vin: str(form, "vehicle.vin"),
            }),
            reference_num: str(form, "reference_num"),
            ready_by: readyBy,
          }) ?? {},
        ),
      ),
    { success: "Move updated." },
  );
}

export async function createLoanerAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) =>
      createLoaner(db, actor, {
        stock: str(form, "stock"),
        vin: str(form, "vin"),
        year: str(form, "year"),
        make: str(form, "make"),
        model: str(form, "model"),
        color: str(form, "color"),
      }),
    { success: (l) => `Loaner ${l.stock} added.`, revalidate: ["/moves/loaners"] },
  );
}

export async function assignLoanerAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) =>
      withRequestOrigin(() =>
        assignLoaner(
          db,
          actor,
          intId(String(form.get("moveId")), "move"),
          String(form.get("loanerId") ?? ""),
        ),
      ),
    { success: "Loaner assigned." },
  );
}
