import { describe, expect, it } from "vitest";
import {
  dayIn,
  dayWindow,
  formatForSms,
  fromLocalInput,
  isDay,
  parseUtcTime,
  toLocalInput,
  zoneAbbreviation,
} from "./time";

const NY = "America/New_York";

describe("parseUtcTime", () => {
  it("reads ISO 8601 UTC and the seed table's YYYY-MM-DD hh:mm:ss as the same instant", () => {
    expect(parseUtcTime("2031-03-25T14:00:00Z")?.toISOString()).toBe("2031-03-25T14:00:00.000Z");
    expect(parseUtcTime("2031-03-25 14:00:00")?.toISOString()).toBe("2031-03-25T14:00:00.000Z");
    expect(parseUtcTime("2031-03-25 14:00:00Z")?.toISOString()).toBe("2031-03-25T14:00:00.000Z");
    expect(parseUtcTime("2031-03-25T14:00Z")?.toISOString()).toBe("2031-03-25T14:00:00.000Z");
    expect(parseUtcTime("2031-03-25T14:00:00.5Z")?.toISOString()).toBe("2031-03-25T14:00:00.500Z");
  });

  it("refuses days and hours that do not exist instead of rolling them over", () => {
    for (const bad of [
      "2031-02-31T14:00:00Z",
      "2031-02-29T14:00:00Z",
      "2031-13-01T14:00:00Z",
      "2031-04-31 10:00:00",
      "2031-03-25T24:00:00Z",
      "2031-03-25T14:60:00Z",
      "2031-03-25T14:00:61Z",
    ])
      expect(parseUtcTime(bad), bad).toBeNull();
    expect(parseUtcTime("2032-02-29T14:00:00Z")?.toISOString()).toBe("2032-02-29T14:00:00.000Z");
  });

  it("refuses local ISO times and offsets (the field is UTC) and free text", () => {
    for (const bad of ["2031-03-25T14:00:00", "2031-03-25T14:00:00+02:00", "tomorrow", "", "2031-3-5 1:00"])
      expect(parseUtcTime(bad), bad).toBeNull();
  });
});

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
    expect(formatForSms(new Date("2031-03-25T14:00:00Z"), NY)).toBe("Tue, Mar 25, 10:00 AM EDT");
  });
});
