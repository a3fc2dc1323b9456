import { FilterSelect } from "@/components/filter-form";
import { formatCents } from "@/components/money";

/** The OEM filter of the carts and placed-orders lists. */
export function OemFilter({
  oems,
  value,
}: {
  oems: { oemKey: string; name: string }[];
  value: string | undefined;
}) {
  return (
    <FilterSelect
      id="f-oem"
      name="oem"
      label="OEM"
      value={value}
      anyLabel="All OEMs"
      options={oems.map((o) => ({ value: o.oemKey, label: o.name }))}
    />
  );
}

/** "2025 Aurora GT, 2024 Aurora S" */
export function vehicleList(vehicles: { modelYear: number | string; name: string }[]): string {
  return vehicles.map((v) => `${v.modelYear} ${v.name}`).join(", ");
}

/** Header and cell classes of the right-aligned "Total" column. */
export const TOTAL_COLUMN = {
  header: "Total",
  headClassName: "text-right",
  className: "text-right tabular-nums",
} as const;

/** A cart or order amount (the API speaks dollars) formatted like the rest of the portal. */
export function dollars(amount: number): string {
  return formatCents(Math.round(amount * 100));
}
