import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { useTempDatabase } from "@/lib/testing/harness";
import { testClock } from "../clock";
import { isAppError } from "../errors";
import { beginIdempotent, completeIdempotent } from "./idempotency";

let env: ReturnType<typeof useTempDatabase>;
beforeAll(() => {
  env = useTempDatabase();
});
afterAll(() => env.cleanup());
afterEach(() => testClock.reset());

const statusOf = (f: () => unknown) => {
  try {
    f();
    return "ok";
  } catch (e) {
    return isAppError(e) ? e.status : "unexpected";
  }
};

describe("idempotency keys", () => {
  it("holds a key while in flight, then replays the stored response", () => {
    const db = getDb();
    testClock.freeze(Date.parse("2026-06-01T10:00:00Z"));
    expect(beginIdempotent(db, "owner-a", "k1", "hash-1")).toEqual({ kind: "new" });
    expect(statusOf(() => beginIdempotent(db, "owner-a", "k1", "hash-1"))).toBe(409);
    completeIdempotent(db, "owner-a", "k1", 201, '{"id":"x"}');
    expect(beginIdempotent(db, "owner-a", "k1", "hash-1")).toEqual({
      kind: "replay",
      status: 201,
      body: '{"id":"x"}',
    });
    expect(statusOf(() => beginIdempotent(db, "owner-a", "k1", "hash-2"))).toBe(422);
    // Keys belong to their owner: another API key may use the same string.
    expect(beginIdempotent(db, "owner-b", "k1", "hash-2")).toEqual({ kind: "new" });
  });

  it("releases a key whose request died in flight after a minute", () => {
    const db = getDb();
    testClock.freeze(Date.parse("2026-06-01T10:00:00Z"));
    beginIdempotent(db, "owner-a", "k2", "hash-1");
    testClock.advance(59_000);
    expect(statusOf(() => beginIdempotent(db, "owner-a", "k2", "hash-1"))).toBe(409);
    testClock.advance(2_000);
    expect(beginIdempotent(db, "owner-a", "k2", "hash-1")).toEqual({ kind: "new" });
  });

  it("forgets responses after 24 hours", () => {
    const db = getDb();
    testClock.freeze(Date.parse("2026-06-01T10:00:00Z"));
    beginIdempotent(db, "owner-a", "k3", "hash-1");
    completeIdempotent(db, "owner-a", "k3", 200, "{}");
    testClock.advance(24 * 3_600_000 + 1);
    expect(beginIdempotent(db, "owner-a", "k3", "hash-other")).toEqual({ kind: "new" });
  });

  it("refuses keys longer than 255 characters", () => {
    expect(statusOf(() => beginIdempotent(getDb(), "owner-a", "x".repeat(256), "h"))).toBe(400);
  });
});
