import { describe, expect, it } from "vitest";
import { averageTimeInStatus, estimateAccuracy, timeToComplete } from "./metrics";

const MIN = 60_000;
const DAY = 1440 * MIN;

describe("averageTimeInStatus", () => {
  it("measures each period until the next change, and open periods until the window's end", () => {
    const result = averageTimeInStatus(
      [
        { orderId: "a", status: "pending", at: 0 },
        { orderId: "a", status: "in-progress", at: 30 * MIN },
        { orderId: "a", status: "completed", at: 150 * MIN },
        { orderId: "b", status: "pending", at: 0 },
        { orderId: "b", status: "in-progress", at: 10 * MIN },
        { orderId: "b", status: "delayed", at: 40 * MIN },
      ],
      { start: 0, end: 100 * MIN },
    );
    expect(result.pending).toEqual({ avgMinutes: 20, samples: 2 });
    // a's in-progress ran 120 min but only 70 of them fall before the window's end.
    expect(result["in-progress"]).toEqual({ avgMinutes: 50, samples: 2 });
    expect(result.delayed).toEqual({ avgMinutes: 60, samples: 1 });
    expect(result.completed).toBeUndefined();
  });

  it("clips periods that began before the window and ignores those that ended before it", () => {
    const now = 40 * DAY;
    const window = { start: now - 30 * DAY, end: now };
    const result = averageTimeInStatus(
      [
        // Pending for 20 days, 15 of them before the window opened.
        { orderId: "old", status: "pending", at: 0 },
        { orderId: "old", status: "in-progress", at: 25 * DAY },
        { orderId: "old", status: "completed", at: 26 * DAY },
        // Finished long before the window: nothing of it counts.
        { orderId: "gone", status: "pending", at: 0 },
        { orderId: "gone", status: "in-progress", at: 1 * DAY },
        { orderId: "gone", status: "completed", at: 2 * DAY },
      ],
      window,
    );
    expect(result.pending).toEqual({ avgMinutes: 15 * 1440, samples: 1 });
    expect(result["in-progress"]).toEqual({ avgMinutes: 1440, samples: 1 });
  });
});

describe("estimateAccuracy", () => {
  it("compares completion with the first promised estimate and with the latest one", () => {
    expect(estimateAccuracy([])).toEqual({ count: 0, original: null, latest: null });
    expect(
      estimateAccuracy([
        // Delayed from 100 to 140, done at 130: late against the promise, early against the delay.
        { originalEstimatedAt: 100 * MIN, estimatedAt: 140 * MIN, completedAt: 130 * MIN },
        { originalEstimatedAt: 100 * MIN, estimatedAt: 100 * MIN, completedAt: 90 * MIN },
      ]),
    ).toEqual({
      count: 2,
      original: { onTimeShare: 0.5, avgLatenessMinutes: 10 },
      latest: { onTimeShare: 1, avgLatenessMinutes: -10 },
    });
  });
});

describe("timeToComplete", () => {
  it("averages created -> completed", () => {
    expect(timeToComplete([])).toEqual({ count: 0, avgMinutes: null });
    expect(
      timeToComplete([
        { createdAt: 0, completedAt: 60 * MIN },
        { createdAt: 10 * MIN, completedAt: 190 * MIN },
      ]),
    ).toEqual({ count: 2, avgMinutes: 120 });
  });
});
