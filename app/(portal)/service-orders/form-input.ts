/** Turns flat form fields into the nested inputs the service schemas expect (empty = omitted). */
export function str(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

export function num(form: FormData, name: string): number | string | undefined {
  const v = str(form, name);
  if (v === undefined) return undefined;
  const n = Number(v.replace(/[$,\s]/g, ""));
  // A non-number is passed through so validation names the field.
  return Number.isFinite(n) ? n : v;
}

export function list(form: FormData, name: string): string[] {
  return form
    .getAll(name)
    .map(String)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Drops undefined keys; returns undefined when nothing is left. */
export function compact<T extends Record<string, unknown>>(obj: T): Partial<T> | undefined {
  const entries = Object.entries(obj).filter(
    ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
  );
  return entries.length ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}

export const contactFrom = (form: FormData) =>
  compact({
    name: str(form, "contact.name"),
    email: str(form, "contact.email"),
    phone: str(form, "contact.phone"),
  });

export const addressFrom = (form: FormData, prefix = "deliveryAddress") =>
  compact({
    street: str(form, `${prefix}.street`),
    city: str(form, `${prefix}.city`),
    state: str(form, `${prefix}.state`),
    zip: str(form, `${prefix}.zip`),
  });

/** The direct-order form's explicit "No deal" choice (an empty select means "not chosen yet"). */
export const NO_DEAL = "none";
