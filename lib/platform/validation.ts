import type { z } from "zod";
import { fromZodError } from "./errors";
import { isUnsafeKey } from "./unsafe-keys";
import { installPlainMessages } from "./zod-messages";

installPlainMessages();

/**
 * Validates input against a zod schema and throws the public 400 error on failure.
 * `reportInput` lets us tell a missing field (`field_missing`) from a wrong one (`field_invalid`).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}

/** FormData -> plain object; repeated names become arrays, empty strings become undefined. */
export function formToObject(form: FormData, arrays: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of form.entries()) {
    if (key.startsWith("$ACTION") || isUnsafeKey(key)) continue;
    const value = typeof raw === "string" ? raw : raw.name;
    if (arrays.includes(key)) {
      const list = Object.hasOwn(out, key) ? (out[key] as string[]) : [];
      if (value !== "") list.push(value);
      out[key] = list;
    } else if (value !== "") {
      out[key] = value;
    }
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}
