import { describe, expect, it } from "vitest";
import { parseUtcTime } from "./time";

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
