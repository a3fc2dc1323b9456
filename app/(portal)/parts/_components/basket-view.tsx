"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useActionState, useEffect } from "react";
import { formatDateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { Money } from "@/components/money";
import { Button } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useFormToast } from "@/components/use-form-toast";
import type { CustomerDto, PriceLineDto } from "@/lib/parts/serialize";
import { idleState } from "@/lib/platform/form-state";
import { placePartsOrderAction } from "../actions";
import { type BasketItem, useBasket } from "./basket-store";

interface PriceAvailability {
  parts: PriceLineDto[];
  totals: { netValue: number; taxValue: number; grossValue: number; backOrderLineCount: number };
}

const cents = (v: number) => Math.round(v * 100);
const ORDER_TYPE_LABELS: Record<string, string> = {
  EMG: "EMG · Emergency",
  VOR: "VOR · Vehicle off road",
  STK: "STK · Stock order",
  DPO: "DPO · Daily parts order",
  COL: "COL · Collection",
};
const dateOnly = (iso: string, timeZone: string) =>
  formatDateTime(iso, timeZone).split(",").slice(0, 2).join(",");

function Availability({ line, timeZone }: { line: PriceLineDto; timeZone: string }) {
  if (line.salesBlocked)
    return <span className="text-destructive">Not for sale: {line.salesBlockedDescription}</span>;
  if (!line.isBackOrder) return <span>{line.quantity} from stock</span>;
  return (
    <span className="grid gap-0.5">
      {line.quantityFromStock > 0 ? <span>{line.quantityFromStock} from stock</span> : null}
      {line.isAvailableForBackOrder ? (
        <span className="text-amber-900" data-testid="backorder">
          {line.backOrderQuantity} on back-order
          {line.expectedDeliveryDate ? `, expected ${dateOnly(line.expectedDeliveryDate, timeZone)}` : ""}
        </span>
      ) : (
        <span className="text-destructive">Only {line.availableStock} available; cannot be back-ordered</span>
      )}
      {line.alternativeParts.length ? (
        <span className="text-muted-foreground">
          Alternative: {line.alternativeParts[0].brandCode} {line.alternativeParts[0].partCode} (
          {line.alternativeParts[0].availableStock} in stock)
        </span>
      ) : null}
    </span>
  );
}

/** The basket: choose the account, adjust quantities, see live prices and stock, review and place. */
export function BasketView({
  accounts,
  dealerId,
  timeZone,
}: {
  accounts: CustomerDto[];
  dealerId: string;
  timeZone: string;
}) {
  const { basket, setQuantity, remove, replace, setCustomer } = useBasket(dealerId);
  const account = accounts.find((a) => a.customerId === basket.customerId) ?? null;
  const lines = basket.items.map((i) => ({ partId: i.partId, quantity: i.quantity }));
  const pa = useQuery<PriceAvailability>({
    queryKey: ["parts-basket", basket.customerId, lines],
    queryFn: async () => {
      const res = await fetch("/api/portal/parts/price-availability", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ customerId: basket.customerId, parts: lines }),
        cache: "no-store",
      });
      if (!res.ok)
        throw new Error((await res.json().catch(() => null))?.error?.message ?? `HTTP ${res.status}`);
      return res.json();
    },
    enabled: Boolean(account) && lines.length > 0,
    placeholderData: (prev) => prev,
    refetchInterval: 15_000,
  });
  // Supersession is followed in the basket too: an old number becomes its replacement.
  useEffect(() => {
    for (const l of pa.data?.parts ?? []) {
      const next = l.suggestedReplacement;
      if (next && basket.items.some((i) => i.partId === l.partId))
        replace(l.partId, { ...next, replacedFrom: `${l.brandCode} ${l.partCode}` });
    }
  }, [pa.data, basket.items, replace]);
  const priced = new Map((pa.data?.parts ?? []).map((l) => [l.partId, l]));

  if (basket.items.length === 0)
    return (
      <EmptyState
        title="Your basket is empty"
        description="Search the parts file and add parts to the basket."
        action={
          <Button asChild>
            <Link href="/parts">Search parts</Link>
          </Button>
        }
      />
    );

  return (
    <div className="grid gap-6">
      <div className="grid max-w-md gap-1">
        <Label htmlFor="basket-account">Trade account</Label>
        <Select
          id="basket-account"
          value={basket.customerId ?? ""}
          onChange={(e) => setCustomer(e.target.value || null)}
        >
          <option value="">Choose an account…</option>
          {accounts.map((a) => (
            <option key={a.customerId} value={a.customerId}>
              {a.companyName} ({a.accountNumber})
            </option>
          ))}
        </Select>
      </div>
      {pa.isError ? (
        <p role="alert" className="text-sm text-destructive">
          {pa.error.message}
        </p>
      ) : null}
      <Table aria-label="Basket">
        <TableHeader>
          <TableRow>
            <TableHead>Part</TableHead>
            <TableHead>Quantity</TableHead>
            <TableHead>Unit price</TableHead>
            <TableHead>Line total</TableHead>
            <TableHead>Availability</TableHead>
            <TableHead>
              <span className="sr-only">Remove</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {basket.items.map((item: BasketItem) => {
            const line = priced.get(item.partId);
            return (
              <TableRow key={item.partId} data-testid="basket-line" data-part-code={item.partCode}>
                <TableCell>
                  <p className="font-medium">
                    {item.brandCode} {item.partCode}
                  </p>
                  <p className="text-xs text-muted-foreground">{item.description}</p>
                  {item.replacedFrom ? (
                    <p className="text-xs text-amber-900" data-testid="replaced-from">
                      Replaces {item.replacedFrom} (superseded)
                    </p>
                  ) : null}
                </TableCell>
                <TableCell>
                  <Label htmlFor={`qty-${item.partId}`} className="sr-only">
                    Quantity of {item.partCode}
                  </Label>
                  <Input
                    id={`qty-${item.partId}`}
                    type="number"
                    min={1}
                    max={9999}
                    className="w-20"
                    value={item.quantity}
                    onChange={(e) => {
                      const n = Math.floor(Number(e.target.value));
                      if (n >= 1 && n <= 9999) setQuantity(item.partId, n);
                    }}
                  />
                </TableCell>
                <TableCell>
                  {line ? (
                    <span className="grid">
                      <Money cents={cents(line.orderPrice.netValue)} />
                      {line.discountPercent ? (
                        <span className="text-xs text-muted-foreground">
                          list <Money cents={cents(line.listPrice.netValue)} /> −{line.discountPercent}%
                        </span>
                      ) : null}
                      {line.surcharge ? (
                        <span className="text-xs text-muted-foreground">
                          + core <Money cents={cents(line.surcharge.netValue)} />
                        </span>
                      ) : null}
                    </span>
                  ) : (
                    "—"
                  )}
                </TableCell>
                <TableCell data-testid="line-total">
                  {line ? <Money cents={cents(line.lineTotal.grossValue)} /> : "—"}
                </TableCell>
                <TableCell className="text-sm" data-testid="availability">
                  {line ? (
                    <Availability line={line} timeZone={timeZone} />
                  ) : account ? (
                    "Checking…"
                  ) : (
                    "Choose an account"
                  )}
                </TableCell>
                <TableCell>
                  <Button type="button" variant="ghost" size="sm" onClick={() => remove(item.partId)}>
                    Remove <span className="sr-only">{item.partCode}</span>
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {pa.data ? (
        <dl className="ml-auto grid grid-cols-2 gap-x-6 gap-y-1 text-sm" aria-label="Basket totals">
          <dt className="text-muted-foreground">Net</dt>
          <dd className="text-right">
            <Money cents={cents(pa.data.totals.netValue)} />
          </dd>
          <dt className="text-muted-foreground">Tax</dt>
          <dd className="text-right">
            <Money cents={cents(pa.data.totals.taxValue)} />
          </dd>
          <dt className="font-medium">Total</dt>
          <dd className="text-right font-medium" data-testid="basket-total">
            <Money cents={cents(pa.data.totals.grossValue)} />
          </dd>
        </dl>
      ) : null}
      {account ? <ReviewForm account={account} items={basket.items} priced={priced} /> : null}
    </div>
  );
}

function ReviewForm({
  account,
  items,
  priced,
}: {
  account: CustomerDto;
  items: BasketItem[];
  priced: Map<string, PriceLineDto>;
}) {
  const [state, action] = useActionState(placePartsOrderAction, idleState);
  useFormToast(state);
  const e = state.fieldErrors ?? {};
  const v = state.values;
  return (
    <SectionCard title="Review and place the order">
      <form
        action={action}
        key={`${account.customerId}-${state.at ?? "new"}`}
        className="grid gap-4"
        noValidate
      >
        {state.status === "error" && state.message ? (
          <p
            role="alert"
            className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
          >
            {state.message}
          </p>
        ) : null}
        <input type="hidden" name="customerId" value={account.customerId} />
        <input
          type="hidden"
          name="lines"
          value={JSON.stringify(items.map((i) => ({ partId: i.partId, quantity: i.quantity })))}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Order type" name="orderType" error={e.orderType}>
            <Select defaultValue={v?.orderType ?? account.allowedOrderTypes[0]}>
              {account.allowedOrderTypes.map((t) => (
                <option key={t} value={t}>
                  {ORDER_TYPE_LABELS[t] ?? t}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Order reference"
            name="orderReference"
            error={e.orderReference}
            required={account.orderReferenceRequired}
            hint={
              account.orderReferenceRequired
                ? "This account requires its own reference (PO or job number)."
                : undefined
            }
          >
            <Input defaultValue={v?.orderReference} maxLength={50} />
          </Field>
          <Field label="Contact name" name="orderContact.name" error={e["orderContact.name"]}>
            <Input defaultValue={v?.["orderContact.name"] ?? account.contact.name} />
          </Field>
          <Field label="Contact phone" name="orderContact.phone" error={e["orderContact.phone"]}>
            <Input type="tel" defaultValue={v?.["orderContact.phone"] ?? account.contact.phone} />
          </Field>
          <Field label="Contact email" name="orderContact.email" error={e["orderContact.email"]}>
            <Input type="email" defaultValue={v?.["orderContact.email"] ?? account.contact.email} />
          </Field>
          <Field label="Company" name="orderContact.companyName" error={e["orderContact.companyName"]}>
            <Input defaultValue={v?.["orderContact.companyName"] ?? account.companyName} />
          </Field>
        </div>
        <details open={Boolean(v?.["address.streetName"])}>
          <summary className="cursor-pointer text-sm font-medium">Deliver somewhere else…</summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-4">
            <Field
              label="Street"
              name="address.streetName"
              error={e["address.streetName"]}
              className="sm:col-span-2"
            >
              <Input defaultValue={v?.["address.streetName"]} />
            </Field>
            <Field label="Postal code" name="address.postalCode" error={e["address.postalCode"]}>
              <Input defaultValue={v?.["address.postalCode"]} />
            </Field>
            <Field label="City" name="address.city" error={e["address.city"]}>
              <Input defaultValue={v?.["address.city"]} />
            </Field>
            <Field label="Country" name="address.countryCode" error={e["address.countryCode"]}>
              <Input defaultValue={v?.["address.countryCode"] ?? "US"} maxLength={2} />
            </Field>
          </div>
        </details>
        {items.map((item, i) =>
          priced.get(item.partId)?.mandatoryVehicleReferences.includes("VIN") ? (
            <Field
              key={item.partId}
              label={`VIN for ${item.partCode}`}
              name={`parts.${i}.vin`}
              error={e[`parts.${i}.vin`]}
              hint="This part is coded to a vehicle."
            >
              <Input defaultValue={v?.[`parts.${i}.vin`]} maxLength={17} />
            </Field>
          ) : e[`parts.${i}`] ? (
            <p key={item.partId} role="alert" className="text-sm text-destructive">
              {item.partCode}: {e[`parts.${i}`]}
            </p>
          ) : null,
        )}
        <div>
          <SubmitButton pendingLabel="Placing order…">Place order</SubmitButton>
        </div>
      </form>
    </SectionCard>
  );
}
