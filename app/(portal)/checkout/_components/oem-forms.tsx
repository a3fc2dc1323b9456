"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormToast } from "@/components/use-form-toast";
import { type FormState, idleState } from "@/lib/platform/form-state";
import {
  addOemBrandAction,
  createOemAction,
  removeAccessoryAction,
  removeOemBrandAction,
  removeOemDealerAction,
  removeProductAction,
  renameOemAction,
  saveAccessoryAction,
  saveOemDealerAction,
  saveProductAction,
  setOemStatesAction,
} from "../actions";

type Action = (s: FormState, f: FormData) => Promise<FormState>;

function useForm(action: Action) {
  const [state, formAction] = useActionState(action, idleState);
  useFormToast(state);
  const v = state.status === "error" ? (state.values ?? {}) : {};
  const e = state.fieldErrors ?? {};
  return { state, formAction, v, e, key: state.status === "ok" ? String(state.at) : "form" };
}

export function CreateOemForm() {
  const { formAction, v, e } = useForm(createOemAction);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
      <Field label="OEM name" name="name" error={e.name}>
        <Input defaultValue={v.name} />
      </Field>
      <Field label="OEM key" name="oemKey" error={e.oemKey} hint="Sent as oemKey in every cart.">
        <Input defaultValue={v.oemKey} placeholder="aurora" />
      </Field>
      <SubmitButton>Add OEM</SubmitButton>
    </form>
  );
}

export function RenameOemForm({ oemId, name }: { oemId: string; name: string }) {
  const { formAction, v, e } = useForm(renameOemAction);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
      <input type="hidden" name="oemId" value={oemId} />
      <Field label="OEM name" name="name" error={e.name} hint="The oemKey stays: web shops send it.">
        <Input defaultValue={v.name ?? name} />
      </Field>
      <SubmitButton variant="outline">Rename</SubmitButton>
    </form>
  );
}

/**
 * A delete button for one thing; a refusal (e.g. an open cart still sells it) shows next to it.
 * `fields` are the hidden inputs that name what to delete.
 */
function RemoveButton({
  action,
  fields,
  name,
  label = "Remove",
}: {
  action: Action;
  fields: Record<string, string>;
  name: string;
  label?: string;
}) {
  const { state, formAction } = useForm(action);
  return (
    <form action={formAction} className="flex flex-wrap items-center justify-end gap-2">
      {Object.entries(fields).map(([k, value]) => (
        <input key={k} type="hidden" name={k} value={value} />
      ))}
      {state.status === "error" && state.message ? (
        <p role="alert" className="text-sm text-destructive">
          {state.message}
        </p>
      ) : null}
      <SubmitButton size="sm" variant="ghost" aria-label={`${label} ${name}`}>
        {label}
      </SubmitButton>
    </form>
  );
}

function StateGrid({
  all,
  checked,
  idPrefix,
}: {
  all: readonly string[];
  checked: readonly string[];
  idPrefix: string;
}) {
  return (
    <div className="grid grid-cols-5 gap-2 sm:grid-cols-10">
      {all.map((s) => (
        <div key={s} className="flex items-center gap-1.5">
          <Checkbox id={`${idPrefix}-${s}`} name="states" value={s} defaultChecked={checked.includes(s)} />
          <Label htmlFor={`${idPrefix}-${s}`}>{s}</Label>
        </div>
      ))}
    </div>
  );
}

export function StatesForm({ oemId, all, on }: { oemId: string; all: readonly string[]; on: string[] }) {
  const { formAction, e } = useForm(setOemStatesAction);
  return (
    <form action={formAction} className="grid gap-3">
      <input type="hidden" name="oemId" value={oemId} />
      <fieldset className="grid gap-2">
        <legend className="text-sm text-muted-foreground">
          Ticked: hosted checkout is on for vehicles registered there. Other states go to the OEM's own
          checkout.
        </legend>
        <StateGrid all={all} checked={on} idPrefix="hosted" />
      </fieldset>
      {e.states ? <p className="text-sm text-destructive">{e.states}</p> : null}
      <div>
        <SubmitButton>Save states</SubmitButton>
      </div>
    </form>
  );
}

export function BrandForm({ oemId }: { oemId: string }) {
  const { formAction, v, e, key } = useForm(addOemBrandAction);
  return (
    <form
      key={key}
      action={formAction}
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      noValidate
    >
      <input type="hidden" name="oemId" value={oemId} />
      <Field label="Brand key" name="brandKey" error={e.brandKey}>
        <Input defaultValue={v.brandKey} />
      </Field>
      <Field label="Brand name" name="name" error={e.name}>
        <Input defaultValue={v.name} />
      </Field>
      <SubmitButton variant="outline">Save brand</SubmitButton>
    </form>
  );
}

export function DealerForm({
  oemId,
  dealers,
  all,
}: {
  oemId: string;
  dealers: { slug: string; name: string }[];
  all: readonly string[];
}) {
  const { formAction, v, e, key } = useForm(saveOemDealerAction);
  return (
    <form key={key} action={formAction} className="grid gap-3" noValidate>
      <input type="hidden" name="oemId" value={oemId} />
      <Field label="Dealer" name="dealer" error={e.dealer}>
        <Select defaultValue={v.dealer}>
          {dealers.map((d) => (
            <option key={d.slug} value={d.slug}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="grid gap-2">
        <legend className="text-sm font-medium">Registration states this dealer fulfils</legend>
        <StateGrid all={all} checked={(v.states ?? "").split(",")} idPrefix="dealer" />
      </fieldset>
      <div className="flex items-center gap-2">
        <Checkbox id="isDefault" name="isDefault" defaultChecked={v.isDefault === "on"} />
        <Label htmlFor="isDefault">Default dealer (fulfils every state no other dealer lists)</Label>
      </div>
      <div>
        <SubmitButton variant="outline">Save dealer</SubmitButton>
      </div>
    </form>
  );
}

export function RemoveDealerButton({
  oemId,
  dealerId,
  name,
}: {
  oemId: string;
  dealerId: string;
  name: string;
}) {
  return <RemoveButton action={removeOemDealerAction} fields={{ oemId, dealerId }} name={name} />;
}

export function RemoveBrandButton({
  oemId,
  brandKey,
  name,
}: {
  oemId: string;
  brandKey: string;
  name: string;
}) {
  return (
    <RemoveButton action={removeOemBrandAction} fields={{ oemId, brandKey }} name={name} label="Delete" />
  );
}

export function RemoveProductButton({
  oemId,
  productId,
  name,
}: {
  oemId: string;
  productId: string;
  name: string;
}) {
  return (
    <RemoveButton action={removeProductAction} fields={{ oemId, productId }} name={name} label="Delete" />
  );
}

export interface ProductValues {
  productId: string;
  name: string;
  modelYear: string;
  basePrice: string;
  brandKey: string;
}

/** New product, or (with `product`) the edit form of one: its product id is then fixed. */
export function ProductForm({
  oemId,
  brands,
  product,
}: {
  oemId: string;
  brands: { brandKey: string; name: string }[];
  product?: ProductValues;
}) {
  const { formAction, v, e, key } = useForm(saveProductAction);
  const value = (k: keyof ProductValues) => v[k] ?? product?.[k];
  return (
    <form key={key} action={formAction} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" noValidate>
      <input type="hidden" name="oemId" value={oemId} />
      {product ? (
        <input type="hidden" name="productId" value={product.productId} />
      ) : (
        <Field
          label="Product id"
          name="productId"
          error={e.productId}
          hint="Saving an existing id updates it."
        >
          <Input defaultValue={v.productId} />
        </Field>
      )}
      <Field label="Product name" name="name" error={e.name}>
        <Input defaultValue={value("name")} />
      </Field>
      <Field label="Model year" name="modelYear" error={e.modelYear}>
        <Input inputMode="numeric" defaultValue={value("modelYear")} />
      </Field>
      <Field label="Base price ($)" name="basePrice" error={e.basePrice}>
        <Input inputMode="decimal" defaultValue={value("basePrice")} />
      </Field>
      <Field label="Brand" name="brandKey" error={e.brandKey}>
        <Select defaultValue={value("brandKey") ?? ""}>
          <option value="">No brand</option>
          {brands.map((b) => (
            <option key={b.brandKey} value={b.brandKey}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="sm:col-span-2 lg:col-span-3">
        <SubmitButton>{product ? `Save ${product.productId}` : "Save product"}</SubmitButton>
      </div>
    </form>
  );
}

export function AccessoryForm({ oemId, productId }: { oemId: string; productId: string }) {
  const { formAction, v, e, key } = useForm(saveAccessoryAction);
  return (
    <form
      key={key}
      action={formAction}
      className="grid gap-2 sm:grid-cols-[1fr_8rem_auto] sm:items-end"
      noValidate
    >
      <input type="hidden" name="oemId" value={oemId} />
      <input type="hidden" name="productId" value={productId} />
      <Field
        label={`Accessory for ${productId}`}
        name="name"
        error={e.name}
        hint="A new name adds an accessory; an existing one updates its price."
      >
        <Input defaultValue={v.name} />
      </Field>
      <Field label="Price ($)" name="price" error={e.price}>
        <Input inputMode="decimal" defaultValue={v.price} />
      </Field>
      <SubmitButton size="sm" variant="outline">
        Save accessory
      </SubmitButton>
    </form>
  );
}

export function RemoveAccessoryButton({
  oemId,
  accessoryId,
  name,
}: {
  oemId: string;
  accessoryId: string;
  name: string;
}) {
  return <RemoveButton action={removeAccessoryAction} fields={{ oemId, accessoryId }} name={name} />;
}
