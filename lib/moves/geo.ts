import { createHash } from "node:crypto";
import zipcodes from "zipcodes";

/**
 * Offline geocoding from US ZIP centroids (the `zipcodes` package): no network, no map tiles.
 * Precision is the ZIP's centroid, which is what distance and drive-time estimates need.
 */
export interface GeoPoint {
  lat: number;
  lon: number;
  city: string;
  state: string;
}

export function lookupZip(zip: string): GeoPoint | null {
  const z = zipcodes.lookup(zip);
  if (!z) return null;
  return { lat: z.latitude, lon: z.longitude, city: z.city, state: z.state };
}

const EARTH_RADIUS_MILES = 3958.8;

export function haversineMiles(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
}

/** Roads are longer than the straight line: a typical circuity factor for US metro driving. */
export const CIRCUITY = 1.25;
/** Average door-to-door speed for a driver in metro traffic, in mph. */
export const AVERAGE_MPH = 28;

/** Road distance and drive time between two points (see README: "ready-by time"). */
export function driveEstimate(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const miles = haversineMiles(a, b) * CIRCUITY;
  return { miles: Math.round(miles * 10) / 10, minutes: Math.max(1, Math.ceil((miles / AVERAGE_MPH) * 60)) };
}

/** Same address, same key: case, spacing and punctuation do not matter. */
export function addressKey(a: {
  addressOne: string;
  addressTwo?: string | null;
  city: string;
  state: string;
  zip: string;
}): string {
  const norm = (s: string | null | undefined) =>
    (s ?? "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  return [norm(a.addressOne), norm(a.addressTwo), norm(a.city), a.state.toUpperCase(), a.zip].join("|");
}

/** A stable opaque place id for a normalised address (there is no external place service here). */
export function placeIdFor(key: string): string {
  return `fc_${createHash("sha256").update(key).digest("base64url").slice(0, 27)}`;
}
