import { describe, expect, it } from "vitest";
import { vinCheckDigit, vinProblem } from "./vin";

describe("VIN check digit", () => {
  it("accepts real VINs", () => {
    for (const vin of ["1HGCM82633A004352", "1M8GDM9AXKP042788", "5YJ3E1EA2KF317000", "11111111111111111"]) {
      expect(vinProblem(vin), vin).toBeNull();
    }
    expect(vinCheckDigit("1M8GDM9AXKP042788")).toBe("X");
  });

  it("explains what is wrong", () => {
    expect(vinProblem("1HGCM82633A00435")).toMatch(/17 characters/);
    expect(vinProblem("1HGCM82633A00435O")).toMatch(/except I, O and Q/);
    expect(vinProblem("1HGCM82643A004352")).toMatch(/check digit/);
  });
});
