import type { DealDto } from "@/lib/service-orders/deals";

const usdFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Decimal dollars (as the service-orders DTOs carry them) -> "$1,234.50". */
export function usd(dollars: number): string {
  return usdFormat.format(dollars);
}

/** "2021 Honda Accord", or null when the deal names no year, make or model. */
export function vehicleTitle(vehicle: DealDto["vehicle"]): string | null {
  if (!vehicle) return null;
  const title = [vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(" ");
  return title || null;
}

/** "VIN 1HG… · Stock A123", or null. */
export function vehicleIds(vehicle: DealDto["vehicle"]): string | null {
  if (!vehicle) return null;
  const ids = [vehicle.vin ? `VIN ${vehicle.vin}` : null, vehicle.stock ? `Stock ${vehicle.stock}` : null];
  return ids.filter(Boolean).join(" · ") || null;
}

/** One line for the whole vehicle, e.g. "2021 Honda Accord · VIN 1HG… · Stock A123". */
export function vehicleSummary(vehicle: DealDto["vehicle"]): string | null {
  return [vehicleTitle(vehicle), vehicleIds(vehicle)].filter(Boolean).join(" · ") || null;
}

const TYPE_LABEL: Record<string, string> = { reconditioning: "Reconditioning", concierge: "Concierge" };

export function typeLabel(type: string): string {
  return TYPE_LABEL[type] ?? type;
}

/** A calendar date in the dealer's zone, e.g. "Jan 5, 2026". */
export function formatDate(value: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium" }).format(new Date(value));
}
