"use server";

import { redirect } from "next/navigation";
import {
  addOemBrand,
  createOem,
  removeAccessory,
  removeOemBrand,
  removeOemDealer,
  removeProduct,
  renameOem,
  saveAccessory,
  saveOemDealer,
  saveProduct,
  setOemStates,
} from "@/lib/checkout/oem-config";
import { updatePlacedOrder } from "@/lib/checkout/service";
import { formAction } from "@/lib/platform/actions";
import type { FormState } from "@/lib/platform/form-state";
import { withRequestOrigin } from "@/lib/platform/origin";

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};
const states = (form: FormData) => form.getAll("states").map(String).filter(Boolean);

/** The fulfilling dealer's staff move an order's fulfillment or payment status. */
export async function updatePlacedOrderAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) =>
      withRequestOrigin(() =>
        updatePlacedOrder(db, actor, String(form.get("orderId") ?? ""), {
          fulfillmentStatus: str(form, "fulfillmentStatus"),
          paymentStatus: str(form, "paymentStatus"),
          note: str(form, "note"),
        }),
      ),
    { success: "Order updated." },
  );
}

export async function createOemAction(_prev: FormState, form: FormData) {
  const state = await formAction(form, ({ db, actor }) =>
    createOem(db, actor, { name: str(form, "name"), oemKey: str(form, "oemKey") }),
  );
  if (state.status === "ok") redirect(`/checkout/oems/${(state.data as { id: string }).id}`);
  return state;
}

const oemId = (form: FormData) => String(form.get("oemId") ?? "");
const oemPage = (form: FormData) => [`/checkout/oems/${oemId(form)}`, "/checkout/oems"];

export async function renameOemAction(_prev: FormState, form: FormData) {
  return formAction(form, ({ db, actor }) => renameOem(db, actor, oemId(form), { name: str(form, "name") }), {
    success: (o) => `Renamed to ${o.name}.`,
    revalidate: oemPage(form),
  });
}

export async function removeOemBrandAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) => removeOemBrand(db, actor, oemId(form), String(form.get("brandKey") ?? "")),
    { success: "Brand deleted.", revalidate: oemPage(form) },
  );
}

export async function removeProductAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) => removeProduct(db, actor, oemId(form), String(form.get("productId") ?? "")),
    { success: (r) => `Product ${r.removed} deleted.`, revalidate: oemPage(form) },
  );
}

export async function setOemStatesAction(_prev: FormState, form: FormData) {
  return formAction(form, ({ db, actor }) => setOemStates(db, actor, oemId(form), { states: states(form) }), {
    success: "Hosted checkout states saved.",
    revalidate: [`/checkout/oems/${oemId(form)}`],
  });
}

export async function addOemBrandAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) =>
      addOemBrand(db, actor, oemId(form), { brandKey: str(form, "brandKey"), name: str(form, "name") }),
    { success: "Brand saved.", revalidate: [`/checkout/oems/${oemId(form)}`] },
  );
}

export async function saveOemDealerAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) =>
      saveOemDealer(db, actor, oemId(form), {
        dealer: str(form, "dealer"),
        states: states(form),
        isDefault: form.get("isDefault") === "on",
      }),
    { success: "Fulfilling dealer saved.", revalidate: [`/checkout/oems/${oemId(form)}`] },
  );
}

export async function removeOemDealerAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) => removeOemDealer(db, actor, oemId(form), String(form.get("dealerId") ?? "")),
    {
      success: "Dealer removed.",
      revalidate: [`/checkout/oems/${oemId(form)}`],
    },
  );
}

export async function saveProductAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) =>
      saveProduct(db, actor, oemId(form), {
        productId: str(form, "productId"),
        name: str(form, "name"),
        modelYear: str(form, "modelYear"),
        basePrice: str(form, "basePrice")?.replace(/[$,\s]/g, ""),
        brandKey: str(form, "brandKey"),
      }),
    { success: (p) => `Product ${p.productId} saved.`, revalidate: [`/checkout/oems/${oemId(form)}`] },
  );
}

export async function saveAccessoryAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) =>
      saveAccessory(db, actor, oemId(form), {
        productId: str(form, "productId"),
        name: str(form, "name"),
        price: str(form, "price")?.replace(/[$,\s]/g, ""),
      }),
    { success: (a) => `Accessory ${a.name} saved.`, revalidate: [`/checkout/oems/${oemId(form)}`] },
  );
}

export async function removeAccessoryAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) => removeAccessory(db, actor, oemId(form), String(form.get("accessoryId") ?? "")),
    { success: "Accessory removed.", revalidate: [`/checkout/oems/${oemId(form)}`] },
  );
}
