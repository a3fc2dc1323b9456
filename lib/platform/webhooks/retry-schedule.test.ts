import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextRetryDelay, parseRetryAfter, RETRY_DELAYS_MS } from "./retry-schedule";

describe("nextRetryDelay", () => {
  it("follows 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h and then stops", () => {
    const exact = () => 0.5; // no jitter
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => nextRetryDelay(n, { random: exact }))).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
    expect(nextRetryDelay(8, { random: exact })).toBeNull();
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it("jitters by at most 10%", () => {
    for (const [i, base] of RETRY_DELAYS_MS.entries()) {
      expect(nextRetryDelay(i + 1, { random: () => 0 })).toBe(Math.round(base * 0.9));
      expect(nextRetryDelay(i + 1, { random: () => 1 })).toBe(Math.round(base * 1.1));
    }
  });

  it("never retries earlier than Retry-After asks", () => {
    expect(nextRetryDelay(1, { random: () => 0.5, retryAfterMs: 120_000 })).toBe(120_000);
    expect(nextRetryDelay(2, { random: () => 0.5, retryAfterMs: 1_000 })).toBe(300_000);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("30", 0)).toBe(30_000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
