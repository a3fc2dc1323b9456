import type { LineItem, VehicleInfo } from "@/db/schema";
import { type CatalogItem, catalogItem } from "./catalog";

const lineFrom = (c: CatalogItem, quantity = 1): LineItem => ({
  service: c.code,
  name: c.name,
  description: c.description,
  priceCents: c.priceCents,
  quantity,
  durationMinutes: c.durationMinutes,
});

/** Reconditioning items from catalog codes; the same code twice counts as quantity 2. */
export function reconItems(codes: string[]): LineItem[] {
  const items: LineItem[] = [];
  for (const code of codes) {
    const existing = items.find((i) => i.service === code);
    if (existing) existing.quantity++;
    else {
      const c = catalogItem(code);
      if (c) items.push(lineFrom(c));
    }
  }
  return items;
}

export function conciergeSearchItems(): LineItem[] {
  return [lineFrom(catalogItem("concierge-search")!)];
}

/** A buy quote charges the vehicle's price plus the concierge buy fee. */
export function conciergeBuyItems(vehicle: VehicleInfo & { priceCents: number }): LineItem[] {
  const label = [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(" ");
  return [
    {
      service: "vehicle",
      name: `Vehicle: ${label}`,
      description: vehicle.vin ? `VIN ${vehicle.vin}` : "Vehicle purchase price",
      priceCents: vehicle.priceCents,
      quantity: 1,
      durationMinutes: 0,
    },
    lineFrom(catalogItem("concierge-buy")!),
  ];
}

export const totalCents = (items: LineItem[]) => items.reduce((sum, i) => sum + i.priceCents * i.quantity, 0);

/**
 * Work on one vehicle happens one service after another, so the estimate is the sum of the
 * standard durations (times quantity).
 */
export const durationMinutes = (items: LineItem[]) =>
  items.reduce((sum, i) => sum + i.durationMinutes * i.quantity, 0);

export const estimateFrom = (start: number, items: LineItem[]) =>
  new Date(start + durationMinutes(items) * 60_000);
