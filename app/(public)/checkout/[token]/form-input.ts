import { isUnsafeKey } from "@/lib/platform/unsafe-keys";

/** The buyer's checkout session cookie (scoped to the link's path). */
export const SESSION_COOKIE = "fc_checkout";

/** The checkout forms' checkboxes: only these turn "on" into `true` (a typed "on" stays text). */
export const CHECKBOX_FIELDS: readonly string[] = ["mailingSameAsRegistration"];

type Node = Record<string, unknown>;

/**
 * Form fields -> the nested input the step schemas expect: "shippingAddress.zip" becomes
 * { shippingAddress: { zip } }; empty fields are left out; a ticked checkbox becomes true.
 * The names come from the browser, so they are untrusted: a name with a `__proto__`,
 * `constructor` or `prototype` segment (or an empty one) is ignored, and every level is built
 * without a prototype, so no name can reach Object.prototype.
 */
export function nestedInput(
  form: FormData,
  opts: { skip?: readonly string[]; checkboxes?: readonly string[] } = {},
): Node {
  const { skip = [], checkboxes = CHECKBOX_FIELDS } = opts;
  const out: Node = Object.create(null);
  for (const [name, raw] of form.entries()) {
    if (name.startsWith("$") || skip.includes(name) || typeof raw !== "string") continue;
    const path = name.split(".");
    if (path.some((key) => key === "" || isUnsafeKey(key))) continue;
    const value = raw.trim();
    if (value === "") continue;
    let node = out;
    for (const key of path.slice(0, -1)) {
      if (typeof node[key] !== "object" || node[key] === null) node[key] = Object.create(null);
      node = node[key] as Node;
    }
    node[path[path.length - 1]] = checkboxes.includes(name) && value === "on" ? true : value;
  }
  return out;
}

/** What the buyer typed, echoed back after a failed submit (never the card number or CVC). */
export function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, raw] of form.entries())
    if (
      !name.startsWith("$") &&
      typeof raw === "string" &&
      name !== "cardNumber" &&
      name !== "cardCvc" &&
      !isUnsafeKey(name)
    )
      values[name] = raw;
  return values;
}
