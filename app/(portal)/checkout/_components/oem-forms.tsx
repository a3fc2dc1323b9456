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
  removeOemDealerAction,
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
  const { formAction } = useForm(removeOemDealerAction);
  return (
    <form action={formAction}>
      <input type="hidden" name="oemId" value={oemId} />
      <input type="hidden" name="dealerId" value={dealerId} />
      <SubmitButton size="sm" variant="ghost" aria-label={`Remove ${name}`}>
        Remove
      </SubmitButton>
    </form>
  );
}

export function ProductForm({
  oemId,
  brands,
}: {
  oemId: string;
  brands: { brandKey: string; name: string }[];
}) {
  const { formAction, v, e, key } = useForm(saveProductAction);
  return (
    <form key={key} action={formAction} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" noValidate>
      <input type="hidden" name="oemId" value={oemId} />
      <Field label="Product id" name="productId" error={e.productId} hint="Saving an existing id updates it.">
        <Input defaultValue={v.productId} />
      </Field>
      <Field label="Product name" name="name" error={e.name}>
        <Input defaultValue={v.name} />
      </Field>
      <Field label="Model year" name="modelYear" error={e.modelYear}>
        <Input inputMode="numeric" defaultValue={v.modelYear} />
      </Field>
      <Field label="Base price ($)" name="basePrice" error={e.basePrice}>
        <Input inputMode="decimal" defaultValue={v.basePrice} />
      </Field>
      <Field label="Brand" name="brandKey" error={e.brandKey}>
        <Select defaultValue={v.brandKey ?? ""}>
          <option value="">No brand</option>
          {brands.map((b) => (
            <option key={b.brandKey} value={b.brandKey}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="sm:col-span-2 lg:col-span-3">
        <SubmitButton>Save product</SubmitButton>
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
      <Field label={`New accessory for ${productId}`} name="name" error={e.name}>
        <Input defaultValue={v.name} />
      </Field>
      <Field label="Price ($)" name="price" error={e.price}>
        <Input inputMode="decimal" defaultValue={v.price} />
      </Field>
      <SubmitButton size="sm" variant="outline">
        Add accessory
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
  const { formAction } = useForm(removeAccessoryAction);
  return (
    <form action={formAction}>
      <input type="hidden" name="oemId" value={oemId} />
      <input type="hidden" name="accessoryId" value={accessoryId} />
      <SubmitButton size="sm" variant="ghost" aria-label={`Remove ${name}`}>
        Remove
      </SubmitButton>
    </form>
  );
}
