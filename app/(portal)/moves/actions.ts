"use server";

import { redirect } from "next/navigation";
import { intId } from "@/lib/moves/params";
import { isoSeconds } from "@/lib/moves/serialize";
import {
  assignLoaner,
  bookConciergeLoaner,
  createLoaner,
  markLoanerReturned,
  patchMove,
  requestBookingCancelation,
  requestCancelation,
  setLoanerStatus,
} from "@/lib/moves/service";
import { formAction } from "@/lib/platform/actions";
import { invalid } from "@/lib/platform/errors";
import type { FormState } from "@/lib/platform/form-state";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { withRequestOrigin } from "@/lib/platform/origin";
import { fromLocalInput, zoneName } from "@/lib/platform/zoned-time";
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
 * A datetime-local field read on the dealer's clock, as the API's UTC time. Empty stays absent
 * (the service says it is required); a time the clocks skip is refused here, next to the field.
 */
function utcFromLocal(form: FormData, name: string, param: string, timeZone: string): string | undefined {
  const local = str(form, name);
  if (!local) return undefined;
  const at = fromLocalInput(local, timeZone);
  if (!at) throw invalid(param, `Enter a date and time that exists on ${zoneName(timeZone)}.`);
  return isoSeconds(at) ?? undefined;
}

/**
 * The form names places by role (service center, customer); the API names them by move. A
 * pickup starts with the loaner at the service center; a return with the customer's car there.
 */
function bookingInput(form: FormData, timeZone: string) {
  const action = str(form, "customer_action");
  const center = location(form, "center");
  const customer = location(form, "customer");
  const loanerStock = str(form, "loaner_stock");
  return {
    appointment_time_utc: utcFromLocal(form, "appointment_local", "appointment_time_utc", timeZone),
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
    withRequestOrigin(() =>
      bookConciergeLoaner(db, actor, bookingInput(form, timeZoneFor(db, actor.dealerId))),
    ),
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
    ({ db, actor }) => requestCancelation(db, actor, { move_id: str(form, "moveId") }),
    {
      success: "Cancelation requested. Operations will confirm it.",
    },
  );
}

export async function cancelBookingAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) => requestBookingCancelation(db, actor, intId(str(form, "moveId"), "move")),
    {
      success: (r) =>
        `Cancelation requested for move${r.moves.length > 1 ? "s" : ""} ${r.moves.map((m) => m.move_id).join(" and ")}. Operations will confirm it.`,
    },
  );
}

/** The edit form shows every field filled in: an emptied field clears it (null), an absent one is not sent. */
function edited(form: FormData, name: string): string | null | undefined {
  const v = form.get(name);
  if (typeof v !== "string") return undefined;
  return v.trim() === "" ? null : v.trim();
}

export async function patchMoveAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) => {
      const vehicle: Record<string, string | boolean | null | undefined> = Object.fromEntries(
        (["stock", "vin", "year", "make", "model", "color"] as const)
          .map((k) => [k, edited(form, `vehicle.${k}`)] as const)
          .filter(([, v]) => v !== undefined),
      );
      // An unticked checkbox sends nothing; the marker says the box was on the form.
      if (form.has("vehicle.manual_shown")) vehicle.manual = form.get("vehicle.manual") === "on";
      const body = {
        vehicle: Object.keys(vehicle).length ? vehicle : undefined,
        reference_num: edited(form, "reference_num"),
        ready_by: utcFromLocal(form, "ready_by", "ready_by", timeZoneFor(db, actor.dealerId)),
      };
      return withRequestOrigin(() => patchMove(db, actor, intId(str(form, "moveId"), "move"), body));
    },
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
        assignLoaner(db, actor, intId(str(form, "moveId"), "move"), { loaner_id: str(form, "loaner_id") }),
      ),
    { success: "Loaner assigned." },
  );
}

export async function setLoanerStatusAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) =>
      setLoanerStatus(db, actor, str(form, "loanerId") ?? "", { status: str(form, "status") }),
    {
      success: (l) =>
        `Loaner ${l.stock} is ${l.status === "out_of_service" ? "out of service" : "back in service"}.`,
      revalidate: ["/moves/loaners"],
    },
  );
}

export async function markLoanerReturnedAction(_prev: FormState, form: FormData) {
  return formAction(form, ({ db, actor }) => markLoanerReturned(db, actor, str(form, "loanerId") ?? ""), {
    success: (l) => `Loaner ${l.stock} is back.`,
    revalidate: ["/moves/loaners"],
  });
}
