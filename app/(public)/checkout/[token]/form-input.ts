/** The buyer's checkout session cookie (scoped to the link's path). */
export const SESSION_COOKIE = "fc_checkout";

/**
 * Form fields -> the nested input the step schemas expect: "shippingAddress.zip" becomes
 * { shippingAddress: { zip } }, empty fields are left out, checkboxes ("on") become true.
 */
export function nestedInput(form: FormData, skip: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of form.entries()) {
    if (name.startsWith("$") || skip.includes(name) || typeof raw !== "string") continue;
    const value = raw.trim();
    if (value === "") continue;
    const path = name.split(".");
    let node = out;
    for (const key of path.slice(0, -1)) {
      if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value === "on" ? true : value;
  }
  return out;
}

/** What the buyer typed, echoed back after a failed submit (never the card number or CVC). */
export function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, raw] of form.entries())
    if (!name.startsWith("$") && typeof raw === "string" && name !== "cardNumber" && name !== "cardCvc")
      values[name] = raw;
  return values;
}
