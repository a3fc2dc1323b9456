"use server";

import { redirect } from "next/navigation";
import { placeOrder, updateOrderLine } from "@/lib/parts/service";
import { formAction } from "@/lib/platform/actions";
import type { FormState } from "@/lib/platform/form-state";
import { compact, str } from "../service-orders/form-input";

interface BasketLine {
  partId: string;
  quantity: number;
}

function basketLines(form: FormData): BasketLine[] {
  try {
    const parsed = JSON.parse(String(form.get("lines") ?? "[]"));
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** The country field comes prefilled: an address counts as given once any other field is. */
function deliveryAddress(form: FormData) {
  const place = compact({
    streetName: str(form, "address.streetName"),
    postalCode: str(form, "address.postalCode"),
    city: str(form, "address.city"),
  });
  return place ? { ...place, countryCode: str(form, "address.countryCode") } : undefined;
}

/** The review form -> POST /parts-orders's body (field names follow the API's paths). */
function orderInput(form: FormData) {
  return {
    customerId: str(form, "customerId"),
    orderType: str(form, "orderType"),
    orderReference: str(form, "orderReference"),
    orderContact: {
      name: str(form, "orderContact.name"),
      phone: str(form, "orderContact.phone"),
      email: str(form, "orderContact.email"),
      companyName: str(form, "orderContact.companyName"),
    },
    alternateDeliveryAddress: deliveryAddress(form),
    parts: basketLines(form).map((l, i) => {
      const vin = str(form, `parts.${i}.vin`);
      return {
        part: { partId: l.partId },
        quantity: l.quantity,
        ...(vin ? { mandatoryVehicleReferences: [{ type: "VIN", value: vin }] } : {}),
      };
    }),
  };
}

/** API error paths back to the form's field names. */
const formParam = (param: string) =>
  param
    .replace(/^alternateDeliveryAddress\./, "address.")
    .replace(/^parts\.(\d+)\.mandatoryVehicleReferences.*$/, "parts.$1.vin")
    .replace(/^parts\.(\d+)\.(part\.partId|quantity)$/, "parts.$1");

export async function placePartsOrderAction(_prev: FormState, form: FormData): Promise<FormState> {
  const state = await formAction(form, ({ db, actor }) => placeOrder(db, actor, orderInput(form)));
  if (state.status === "ok")
    redirect(`/parts/orders/${(state.data as { partsOrderId: string }).partsOrderId}?placed=1`);
  return {
    ...state,
    fieldErrors: Object.fromEntries(
      Object.entries(state.fieldErrors ?? {}).map(([k, v]) => [formParam(k), v]),
    ),
  };
}

/** One line action (the counter's pick/pack/ship…, or cancel / accept alternative). */
export async function partsLineAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) =>
      updateOrderLine(db, actor, String(form.get("orderId") ?? ""), String(form.get("lineId") ?? ""), {
        action: str(form, "action"),
        alternativePartId: str(form, "alternativePartId"),
      }),
    {
      success: (o) => {
        const line = o.lines.find((l) => l.orderLineId === form.get("lineId"));
        return line ? `Line ${line.lineNumber} is now ${line.partsOrderLineStatus}.` : "Order updated.";
      },
    },
  );
}
