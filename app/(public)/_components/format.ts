/** Display helpers shared by the customer pages (pure: safe on the server and in the browser). */

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** The service-orders DTOs speak decimal dollars: 450 -> "$450.00". */
export const formatDollars = (amount: number) => usd.format(amount);

/** Unit price x quantity, computed in cents so 0.1 x 3 stays 0.30. */
export const lineTotal = (price: number, quantity: number) => (Math.round(price * 100) * quantity) / 100;

export function serviceLabel(type: string, services: readonly string[]): string {
  if (type === "reconditioning") return "Reconditioning";
  if (type === "concierge" && services.includes("buy")) return "Concierge vehicle purchase and delivery";
  if (type === "concierge" && services.includes("search")) return "Concierge vehicle search";
  return type.charAt(0).toUpperCase() + type.slice(1);
}

export interface VehicleLike {
  year?: number;
  make?: string;
  model?: string;
  trim?: string;
  vin?: string;
}

/** "2021 Honda Civic EX", or null when nothing describes the vehicle. */
export function vehicleLabel(vehicle: VehicleLike | null | undefined): string | null {
  if (!vehicle) return null;
  const label = [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(" ");
  return label || null;
}

export interface AddressLike {
  street: string;
  city: string;
  state: string;
  zip: string;
}

export const addressLabel = (a: AddressLike | null | undefined) =>
  a ? `${a.street}, ${a.city}, ${a.state} ${a.zip}` : null;

/** A one-line reading of concierge search criteria ("Used 2019–2023 SUV, up to 60,000 miles"). */
export function searchLabel(criteria: Record<string, unknown> | null | undefined): string | null {
  if (!criteria) return null;
  const text = (k: string) => (typeof criteria[k] === "string" && criteria[k] ? String(criteria[k]) : null);
  const num = (k: string) => (typeof criteria[k] === "number" ? Number(criteria[k]) : null);
  const [lower, upper] = [num("yearLower"), num("yearUpper")];
  const years =
    lower && upper ? `${lower}–${upper}` : lower ? `${lower} or newer` : upper ? `up to ${upper}` : null;
  const miles = num("mileageUpper");
  const head = [text("newUsed"), years, text("bodyStyle") ?? text("carStyle")].filter(Boolean).join(" ");
  const parts = [
    head || null,
    text("exteriorColor"),
    text("fuelType"),
    miles !== null ? `up to ${miles.toLocaleString("en-US")} miles` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}

/** "America/New_York" -> "New York time": says which clock the times on the page use. */
export function zoneLabel(timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  const city = timeZone.split("/").pop() ?? timeZone;
  return `${city.replace(/_/g, " ")} time`;
}
