import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "./errors";
import { parseInput } from "./validation";

const messageOf = (schema: z.ZodType, input: unknown) => {
  try {
    parseInput(schema, input);
  } catch (e) {
    if (isAppError(e)) return { message: e.message, code: e.code, param: e.param };
    throw e;
  }
  throw new Error("expected a validation error");
};

describe("plain validation messages", () => {
  const form = z.object({
    name: z.string().min(1).max(5),
    email: z.email(),
    url: z.url(),
    count: z.number().int().min(2),
    kind: z.enum(["pickup", "return"]),
    tags: z.array(z.string()).min(1),
    vin: z.string().min(17, "A VIN has 17 characters."),
  });
  const valid = {
    name: "Pat",
    email: "pat@example.test",
    url: "https://example.test",
    count: 3,
    kind: "pickup",
    tags: ["a"],
    vin: "1HGCM82633A004352",
  };

  it.each([
    [{ name: "" }, "name", "This field must not be empty."],
    [{ name: "Patricia" }, "name", "Use 5 characters or fewer."],
    [{ email: "nope" }, "email", "Enter a valid email address."],
    [{ url: "nope" }, "url", "Enter a valid URL, such as https://example.com/page."],
    [{ count: "3" }, "count", "Enter a number."],
    [{ count: 1 }, "count", "Must be 2 or more."],
    [{ count: 2.5 }, "count", "Enter a whole number."],
    [{ kind: "swap" }, "kind", "Must be one of: pickup, return."],
    [{ tags: [] }, "tags", "Add at least one."],
  ])("%j -> %s: %s", (override, param, message) => {
    expect(messageOf(form, { ...valid, ...override })).toMatchObject({
      param,
      message,
      code: "field_invalid",
    });
  });

  it("keeps a schema's own message", () => {
    expect(messageOf(form, { ...valid, vin: "123" }).message).toBe("A VIN has 17 characters.");
  });

  it("names a missing field in the API message", () => {
    const { name: _, ...rest } = valid;
    expect(messageOf(form, rest)).toMatchObject({
      param: "name",
      code: "field_missing",
      message: "name is required.",
    });
  });
});
