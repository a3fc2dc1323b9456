import { notFound } from "@/lib/platform/errors";

/** Move and lane ids are integers in the source contract; anything else cannot exist. */
export function intId(raw: string | undefined, what: string): number {
  if (!raw || !/^\d{1,12}$/.test(raw)) throw notFound(what);
  return Number(raw);
}
