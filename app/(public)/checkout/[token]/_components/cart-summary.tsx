import { formatCents } from "@/components/money";
import type { CheckoutView } from "@/lib/checkout/checkout-flow";

/** The cart as priced on the server right now: vehicles with their configuration, items, fees, total. */
export function CartSummary({ view }: { view: CheckoutView }) {
  const { prices, chosen } = view;
  const discount = chosen?.amounts.discountCents ?? 0;
  return (
    <div className="grid gap-4 text-sm">
      <ul aria-label="Vehicles" className="grid gap-3">
        {view.vehicles.map((v, i) => (
          <li key={`${v.variantConfigId}-${i}`} className="rounded-md border p-3" data-testid="cart-vehicle">
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="font-semibold">
                  {v.modelYear} {v.name}
                </p>
                <p className="text-muted-foreground">
                  {v.accessories.length
                    ? `With ${v.accessories.map((a) => a.name).join(", ")}`
                    : "Standard configuration"}
                </p>
              </div>
              <span className="shrink-0 font-semibold tabular-nums">
                {formatCents(prices.vehicles[i].totalCents)}
              </span>
            </div>
            <ul className="mt-2 grid gap-1 text-muted-foreground">
              <li className="flex justify-between gap-3">
                <span>Base price</span>
                <span className="tabular-nums">{formatCents(v.basePriceCents)}</span>
              </li>
              {v.accessories.map((a) => (
                <li key={a.name} className="flex justify-between gap-3">
                  <span>{a.name}</span>
                  <span className="tabular-nums">{formatCents(a.priceCents)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {view.items.length ? (
        <div className="grid gap-1">
          <p className="font-semibold">Accessories &amp; merchandise</p>
          <ul aria-label="Items" className="grid gap-1">
            {view.items.map((it, i) => (
              <li key={`${it.itemId}-${i}`} className="flex justify-between gap-3">
                <span>{it.name}</span>
                <span className="tabular-nums">{formatCents(it.priceCents)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul aria-label="Fees" className="grid gap-1 border-t pt-3">
        {prices.fees.map((f) => (
          <li key={f.name} className="flex justify-between gap-3">
            <span>{f.name}</span>
            <span className="tabular-nums">{formatCents(f.cents)}</span>
          </li>
        ))}
        {discount > 0 ? (
          <li className="flex justify-between gap-3 text-green-700">
            <span>Full-payment discount</span>
            <span className="tabular-nums">−{formatCents(discount)}</span>
          </li>
        ) : null}
      </ul>
      <p className="flex items-baseline justify-between gap-3 border-t pt-3 text-base font-semibold">
        <span>Total</span>
        <span className="tabular-nums" data-testid="cart-total">
          {formatCents(prices.totalCents - discount)}
        </span>
      </p>
      {chosen ? (
        <p className="flex items-baseline justify-between gap-3 font-medium">
          <span>Due today ({chosen.label.toLowerCase()})</span>
          <span className="tabular-nums" data-testid="due-today">
            {formatCents(chosen.amounts.dueNowCents)}
          </span>
        </p>
      ) : null}
    </div>
  );
}
