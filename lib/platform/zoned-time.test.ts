import { describe, expect, it } from "vitest";
import {
  dayIn,
  dayWindow,
  formatShortDateTime,
  fromLocalInput,
  isDay,
  isTimeZone,
  toLocalInput,
  zoneAbbreviation,
} from "./zoned-time";

const NY = "America/New_York";

describe("days and the dealer's clock", () => {
  it("isDay accepts real calendar days only", () => {
    expect(isDay("2025-06-03")).toBe(true);
    expect(isDay("2024-02-29")).toBe(true);
    for (const bad of ["2025-13-01", "2025-02-30", "2025-6-3", "x", "2025-06-03T00:00"])
      expect(isDay(bad), bad).toBe(false);
  });

  it("an evening appointment in New York belongs to that New York day, not the next UTC one", () => {
    const at = new Date("2031-01-16T01:30:00Z"); // 20:30 EST on Jan 15
    expect(dayIn(at, NY)).toBe("2031-01-15");
    const { start, end } = dayWindow("2031-01-15", NY);
    expect(start.toISOString()).toBe("2031-01-15T05:00:00.000Z");
    expect(end.toISOString()).toBe("2031-01-16T05:00:00.000Z");
    expect(at >= start && at < end).toBe(true);
  });

  it("a day with a clock change spans 23 or 25 hours", () => {
    const spring = dayWindow("2031-03-09", NY);
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    const fall = dayWindow("2031-11-02", NY);
    expect((fall.end.getTime() - fall.start.getTime()) / 3_600_000).toBe(25);
  });

  it("datetime-local values convert with the dealer's zone, both ways", () => {
    expect(fromLocalInput("2031-07-01T10:00", NY)?.toISOString()).toBe("2031-07-01T14:00:00.000Z");
    expect(fromLocalInput("2031-01-15T10:00", NY)?.toISOString()).toBe("2031-01-15T15:00:00.000Z");
    expect(fromLocalInput("2031-07-01T10:00", "America/Los_Angeles")?.toISOString()).toBe(
      "2031-07-01T17:00:00.000Z",
    );
    expect(toLocalInput(new Date("2031-07-01T14:00:00Z"), NY)).toBe("2031-07-01T10:00");
    // 02:30 does not happen in New York on the spring-forward night.
    expect(fromLocalInput("2031-03-09T02:30", NY)).toBeNull();
    expect(fromLocalInput("2031-02-30T10:00", NY)).toBeNull();
    expect(fromLocalInput("soon", NY)).toBeNull();
  });

  it("labels times with the zone in effect", () => {
    expect(zoneAbbreviation(new Date("2031-07-01T14:00:00Z"), NY)).toBe("EDT");
    expect(zoneAbbreviation(new Date("2031-01-15T14:00:00Z"), NY)).toBe("EST");
    expect(formatShortDateTime(new Date("2031-03-25T14:00:00Z"), NY)).toBe("Tue, Mar 25, 10:00 AM EDT");
  });
});

describe("zones east of UTC, month ends, unknown zones", () => {
  it("starts a Tokyo day the evening before in UTC", () => {
    expect(dayWindow("2026-01-31", "Asia/Tokyo").start.toISOString()).toBe("2026-01-30T15:00:00.000Z");
    expect(dayWindow("2026-01-31", "UTC").end.toISOString()).toBe("2026-02-01T00:00:00.000Z");
  });

  it("round-trips a wall time through fromLocalInput and toLocalInput", () => {
    expect(toLocalInput(fromLocalInput("2030-11-03T09:30", NY)!, NY)).toBe("2030-11-03T09:30");
    expect(fromLocalInput("2030-01-15T25:00", NY)).toBeNull();
  });

  it("starts a day at its first wall time where the clocks skip midnight", () => {
    // Santiago springs forward at 00:00 on 2025-09-07: the day begins at 01:00 local (04:00Z).
    const santiago = dayWindow("2025-09-07", "America/Santiago");
    expect(santiago.start.toISOString()).toBe("2025-09-07T04:00:00.000Z");
    expect((santiago.end.getTime() - santiago.start.getTime()) / 3_600_000).toBe(23);
    // Beirut too, on 2025-03-30 (01:00 EEST = 22:00Z the day before).
    expect(dayWindow("2025-03-30", "Asia/Beirut").start.toISOString()).toBe("2025-03-29T22:00:00.000Z");
  });

  it("knows real zones", () => {
    expect(isTimeZone(NY)).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
