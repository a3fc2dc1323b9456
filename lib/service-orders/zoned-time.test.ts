import { describe, expect, it } from "vitest";
import {
  endOfLocalDay,
  isCalendarDate,
  isTimeZone,
  localDateTimeToUtc,
  startOfLocalDay,
  utcToLocalDateTime,
} from "./zoned-time";

const NY = "America/New_York";

describe("local days in the dealer's zone", () => {
  it("starts a New York day at 05:00 UTC in winter and 04:00 UTC in summer", () => {
    expect(startOfLocalDay("2026-01-05", NY)?.toISOString()).toBe("2026-01-05T05:00:00.000Z");
    expect(endOfLocalDay("2026-01-05", NY)?.toISOString()).toBe("2026-01-06T05:00:00.000Z");
    expect(startOfLocalDay("2026-07-04", NY)?.toISOString()).toBe("2026-07-04T04:00:00.000Z");
  });

  it("gives the day the clocks spring forward 23 hours", () => {
    const start = startOfLocalDay("2026-03-08", NY)!.getTime();
    const end = endOfLocalDay("2026-03-08", NY)!.getTime();
    expect((end - start) / 3_600_000).toBe(23);
  });

  it("handles zones east of UTC and month ends", () => {
    expect(startOfLocalDay("2026-01-31", "Asia/Tokyo")?.toISOString()).toBe("2026-01-30T15:00:00.000Z");
    expect(endOfLocalDay("2026-01-31", "UTC")?.toISOString()).toBe("2026-02-01T00:00:00.000Z");
  });

  it("refuses dates that do not exist", () => {
    for (const bad of ["2026-13-45", "2026-02-30", "2025-02-29", "2026-1-5", "yesterday"]) {
      expect(isCalendarDate(bad), bad).toBe(false);
      expect(startOfLocalDay(bad, NY), bad).toBeNull();
    }
    expect(isCalendarDate("2028-02-29")).toBe(true);
  });
});

describe("datetime-local values in the dealer's zone", () => {
  it("reads the wall time in the given zone, whatever the viewer's zone", () => {
    expect(localDateTimeToUtc("2030-01-15T10:00", NY)?.toISOString()).toBe("2030-01-15T15:00:00.000Z");
    expect(localDateTimeToUtc("2030-07-15T10:00", "America/Los_Angeles")?.toISOString()).toBe(
      "2030-07-15T17:00:00.000Z",
    );
    expect(localDateTimeToUtc("2030-02-30T10:00", NY)).toBeNull();
    expect(localDateTimeToUtc("2030-01-15T25:00", NY)).toBeNull();
    expect(localDateTimeToUtc("soon", NY)).toBeNull();
  });

  it("round-trips through utcToLocalDateTime", () => {
    expect(utcToLocalDateTime("2030-01-15T15:00:00.000Z", NY)).toBe("2030-01-15T10:00");
    expect(utcToLocalDateTime(localDateTimeToUtc("2030-11-03T09:30", NY)!, NY)).toBe("2030-11-03T09:30");
  });

  it("knows real zones", () => {
    expect(isTimeZone(NY)).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
