import { z } from "zod";

/**
 * Plain-language defaults for zod's issues. zod's own wording ("Too small: expected string to
 * have >=1 characters") is written for developers; these read well both in an API error (next to
 * its `param`) and under a form field. A message a schema sets itself always wins: zod consults
 * this global map only when the schema gave none.
 */
type Issue = Parameters<z.core.$ZodErrorMap>[0];

const FORMATS: Record<string, string> = {
  email: "Enter a valid email address.",
  url: "Enter a valid URL, such as https://example.com/page.",
  datetime: "Enter a date and time in ISO 8601 UTC, such as 2030-01-31T14:00:00Z.",
  date: "Enter a date as YYYY-MM-DD.",
  time: "Enter a time as hh:mm.",
  uuid: "Enter a valid UUID.",
};

const TYPES: Record<string, string> = {
  number: "Enter a number.",
  int: "Enter a whole number.",
  string: "Enter text.",
  boolean: "Must be true or false.",
  object: "Must be an object.",
  array: "Must be a list.",
  date: "Enter a valid date.",
};

const quote = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return "This field is required.";
      return TYPES[issue.expected] ?? `Must be ${issue.expected}.`;
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string")
        return min <= 1 ? "This field must not be empty." : `Use at least ${min} characters.`;
      if (issue.origin === "array" || issue.origin === "set")
        return min <= 1 ? "Add at least one." : `Add at least ${min}.`;
      return issue.inclusive ? `Must be ${min} or more.` : `Must be more than ${min}.`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return `Use ${max} characters or fewer.`;
      if (issue.origin === "array" || issue.origin === "set") return `At most ${max} allowed.`;
      return issue.inclusive ? `Must be ${max} or less.` : `Must be less than ${max}.`;
    }
    case "invalid_format":
      return FORMATS[issue.format] ?? "This value has the wrong format.";
    case "invalid_value":
      if (issue.input === undefined) return "This field is required.";
      return `Must be one of: ${issue.values.map(quote).join(", ")}.`;
    case "not_multiple_of":
      return `Must be a multiple of ${issue.divisor}.`;
    case "unrecognized_keys":
      return `Unknown field${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.join(", ")}.`;
    case "invalid_union":
      return "This value has the wrong shape.";
    case "invalid_key":
    case "invalid_element":
      return "This value has the wrong shape.";
    default:
      return undefined;
  }
}

let installed = false;
/** Installs the plain messages in this process's zod (idempotent; each worker thread has its own). */
export function installPlainMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (issue) => plainMessage(issue) });
}
