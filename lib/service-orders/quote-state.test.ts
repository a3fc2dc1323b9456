import { describe, expect, it } from "vitest";
import { quoteEstimate, quoteStatus } from "./quote-state";

const HOUR = 3_600_000;
const quote = (status: "awaiting-payment" | "paid" | "expired" | "canceled", expiresAt: number) => ({
  status,
  expiresAt: new Date(expiresAt),
  estimatedAt: new Date(5 * HOUR),
  estimatedMinutes: 180,
});

describe("quoteStatus", () => {
  it("is expired once an unpaid quote passes its expiry, and only then", () => {
    expect(quoteStatus(quote("awaiting-payment", 10 * HOUR), 10 * HOUR - 1)).toBe("awaiting-payment");
    expect(quoteStatus(quote("awaiting-payment", 10 * HOUR), 10 * HOUR)).toBe("expired");
    expect(quoteStatus(quote("paid", 10 * HOUR), 20 * HOUR)).toBe("paid");
    expect(quoteStatus(quote("canceled", 10 * HOUR), 20 * HOUR)).toBe("canceled");
  });
});

describe("quoteEstimate", () => {
  it("is 'if paid now' while payable, the order's estimate once paid, none once it cannot be paid", () => {
    expect(quoteEstimate(quote("awaiting-payment", 99 * HOUR), 2 * HOUR)?.getTime()).toBe(5 * HOUR);
    expect(quoteEstimate(quote("awaiting-payment", 99 * HOUR), 7 * HOUR)?.getTime()).toBe(10 * HOUR);
    expect(quoteEstimate(quote("paid", 99 * HOUR), 50 * HOUR)?.getTime()).toBe(5 * HOUR);
    expect(quoteEstimate(quote("awaiting-payment", 1 * HOUR), 2 * HOUR)).toBeNull();
    expect(quoteEstimate(quote("canceled", 99 * HOUR), 2 * HOUR)).toBeNull();
  });
});
