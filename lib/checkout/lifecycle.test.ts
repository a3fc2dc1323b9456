import { describe, expect, it } from "vitest";
import { funnelStatus } from "./funnel";
import { canFulfill, canPay, nextFulfillment } from "./lifecycle";

describe("fulfillment lifecycle", () => {
  it("ships only shipped orders and readies pick-ups only for pick-up", () => {
    expect(nextFulfillment("READY_TO_FULFILL", "SHIP")).toEqual(["SHIPPED", "ON_HOLD", "CANCELED"]);
    expect(nextFulfillment("READY_TO_FULFILL", "PICK_UP")).toEqual([
      "READY_FOR_PICK_UP",
      "ON_HOLD",
      "CANCELED",
    ]);
  });
  it("refuses skipping ahead and leaving a final state", () => {
    expect(canFulfill("UNFULFILLED", "FULFILLED", "SHIP")).toBe(false);
    expect(canFulfill("FULFILLED", "CANCELED", "SHIP")).toBe(false);
    expect(canFulfill("CANCELED", "UNFULFILLED", "SHIP")).toBe(false);
    expect(canFulfill("SHIPPED", "FULFILLED", "SHIP")).toBe(true);
    expect(canFulfill("ON_HOLD", "READY_TO_FULFILL", "PICK_UP")).toBe(true);
  });
});

describe("payment lifecycle", () => {
  it("moves toward FULLY_PAID and never back", () => {
    expect(canPay("RESERVATION_PAID", "FINANCING_GUARANTEED")).toBe(true);
    expect(canPay("FINANCING_GUARANTEED", "FULLY_PAID")).toBe(true);
    expect(canPay("FULLY_PAID", "RESERVATION_PAID")).toBe(false);
    expect(canPay("FINANCING_GUARANTEED", "RESERVATION_PAID")).toBe(false);
  });
});

describe("funnel status", () => {
  const now = Date.UTC(2030, 0, 10);
  it("is abandoned 3 days after the last activity on an opened cart", () => {
    expect(funnelStatus({ status: "opened", lastActivityAt: new Date(now - 3 * 86_400_000) }, now)).toBe(
      "abandoned",
    );
    expect(funnelStatus({ status: "opened", lastActivityAt: new Date(now - 2 * 86_400_000) }, now)).toBe(
      "opened",
    );
  });
  it("keeps never-opened and placed carts as they are", () => {
    expect(funnelStatus({ status: "created", lastActivityAt: null }, now)).toBe("created");
    expect(funnelStatus({ status: "placed", lastActivityAt: new Date(0) }, now)).toBe("placed");
  });
});
