import { cn } from "@/lib/utils";

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  const key = currency.toUpperCase();
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency: key });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Format an integer amount in minor units ("cents") as currency, en-US style: `formatCents(123456)` ->
 * "$1,234.56". Respects the currency's minor-unit digits (e.g. JPY has none).
 */
export function formatCents(cents: number, currency = "USD"): string {
  const formatter = formatterFor(currency);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(cents / 10 ** digits);
}

export type MoneyProps = {
  /** Amount in minor units (cents). `null`/`undefined` renders an em dash. */
  cents: number | null | undefined;
  currency?: string;
  className?: string;
};

export function Money({ cents, currency = "USD", className }: MoneyProps) {
  const valid = typeof cents === "number" && Number.isFinite(cents);
  return (
    <span data-slot="money" className={cn("tabular-nums whitespace-nowrap", className)}>
      {valid ? formatCents(cents, currency) : "—"}
    </span>
  );
}
