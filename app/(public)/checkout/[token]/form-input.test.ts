import { afterEach, describe, expect, it } from "vitest";
import { nestedInput, typedValues } from "./form-input";

const form = (fields: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of fields) f.append(k, v);
  return f;
};

afterEach(() => {
  // Should a test ever pollute the prototype, the others must not inherit it.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe("nestedInput", () => {
  it("nests dotted names, trims values and leaves out empty fields and skipped names", () => {
    const input = nestedInput(
      form([
        ["token", "tok"],
        ["shippingAddress.street", " 1 Main St "],
        ["shippingAddress.zip", "23220"],
        ["shippingAddress.line2", "  "],
        ["method", "SHIP"],
      ]),
      { skip: ["token"] },
    );
    expect(JSON.parse(JSON.stringify(input))).toEqual({
      method: "SHIP",
      shippingAddress: { street: "1 Main St", zip: "23220" },
    });
  });

  it("never reaches Object.prototype, whatever the field names", () => {
    const input = nestedInput(
      form([
        ["__proto__.polluted", "yes"],
        ["constructor.prototype.polluted", "yes"],
        ["address.__proto__.polluted", "yes"],
        ["address.constructor.prototype.polluted", "yes"],
        ["prototype", "yes"],
        ["a..b", "yes"],
        ["address.city", "Richmond"],
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(JSON.parse(JSON.stringify(input))).toEqual({ address: { city: "Richmond" } });
  });

  it("turns 'on' into true only for checkbox fields", () => {
    const input = nestedInput(
      form([
        ["mailingSameAsRegistration", "on"],
        ["address.street", "on"],
        ["businessName", "on"],
      ]),
    );
    expect(input.mailingSameAsRegistration).toBe(true);
    expect(input.businessName).toBe("on");
    expect((input.address as Record<string, unknown>).street).toBe("on");
  });
});

describe("typedValues", () => {
  it("echoes what was typed, never the card number, CVC or prototype names", () => {
    const values = typedValues(
      form([
        ["cardName", "Pat"],
        ["cardNumber", "4242424242424242"],
        ["cardCvc", "123"],
        ["__proto__", "x"],
        ["constructor", "y"],
      ]),
    );
    expect(values).toEqual({ cardName: "Pat" });
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });
});
