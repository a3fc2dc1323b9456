import { describe, expect, it } from "vitest";
import { averageTimeInStatus, estimateAccuracy } from "./metrics";

const MIN = 60_000;

describe("averageTimeInStatus", () => {
  it("measures each period until the next change, and open periods until now", () => {
    const result = averageTimeInStatus(
      [
        { orderId: "a", status: "pending", at: 0 },
        { orderId: "a", status: "in-progress", at: 30 * MIN },
        { orderId: "a", status: "completed", at: 150 * MIN },
        { orderId: "b", status: "pending", at: 0 },
        { orderId: "b", status: "in-progress", at: 10 * MIN },
        { orderId: "b", status: "delayed", at: 40 * MIN },
      ],
      100 * MIN,
    );
    expect(result.pending).toEqual({ avgMinutes: 20, samples: 2 });
    expect(result["in-progress"]).toEqual({ avgMinutes: 75, samples: 2 });
    expect(result.delayed).toEqual({ avgMinutes: 60, samples: 1 });
    expect(result.completed).toBeUndefined();
  });
});

describe("estimateAccuracy", () => {
  it("reports the on-time share and average lateness", () => {
    expect(estimateAccuracy([])).toEqual({ count: 0, onTimeShare: null, avgLatenessMinutes: null });
    expect(
      estimateAccuracy([
        { estimatedAt: 100 * MIN, completedAt: 90 * MIN },
        { estimatedAt: 100 * MIN, completedAt: 130 * MIN },
      ]),
    ).toEqual({ count: 2, onTimeShare: 0.5, avgLatenessMinutes: 10 });
  });
});
