import { describe, expect, it } from "vitest";
import { addressKey, driveEstimate, lookupZip } from "./geo";
import { readyByTime } from "./ready-by";

describe("offline geocoding and drive estimates", () => {
  it("finds ZIP centroids and knows their state", () => {
    expect(lookupZip("23236")).toMatchObject({ state: "VA", city: "Richmond" });
    expect(lookupZip("00000")).toBeNull();
  });

  it("puts the seed's two Richmond ZIPs about 9 miles apart (about 11 by road)", () => {
    const e = driveEstimate(lookupZip("23236")!, lookupZip("23220")!);
    expect(e.miles / 1.25).toBeGreaterThan(8.3);
    expect(e.miles / 1.25).toBeLessThan(9.3);
    expect(e.minutes).toBe(23);
  });

  it("gives the seed example a ready-by of 13:37Z for a 14:00Z appointment", () => {
    const e = driveEstimate(lookupZip("23236")!, lookupZip("23220")!);
    expect(readyByTime(new Date("2022-03-25T14:00:00Z"), e.minutes).toISOString()).toBe(
      "2022-03-25T13:37:00.000Z",
    );
  });

  it("normalises addresses so the same place gets the same key", () => {
    const a = addressKey({ addressOne: "210 S. Mulberry St", city: "Richmond", state: "va", zip: "23220" });
    const b = addressKey({ addressOne: "210 s mulberry  st", city: "RICHMOND", state: "VA", zip: "23220" });
    expect(a).toBe(b);
  });
});
