import { describe, expect, it } from "vitest";
import { holdsUp, nextStep } from "./driver-shared";

describe("driver board helpers", () => {
  it("a second leg waits for the first until it is delivered or canceled for good", () => {
    expect(holdsUp(undefined)).toBe(false);
    expect(holdsUp({ status: "pickup arrived", cancel_status: null })).toBe(true);
    expect(holdsUp({ status: null, cancel_status: "pending" })).toBe(true);
    expect(holdsUp({ status: null, cancel_status: "failed" })).toBe(true);
    expect(holdsUp({ status: "delivery successful", cancel_status: null })).toBe(false);
    expect(holdsUp({ status: null, cancel_status: "succeeded" })).toBe(false);
    expect(holdsUp({ status: "delivery started", cancel_status: "partial" })).toBe(false);
  });

  it("offers the step after the current one", () => {
    expect(nextStep(null)).toBeNull();
    expect(nextStep("dispatched")).toBe("pickup started");
    expect(nextStep("delivery arrived")).toBe("delivery successful");
    expect(nextStep("delivery successful")).toBeNull();
  });
});
