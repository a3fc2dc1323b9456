import { describe, expect, it } from "vitest";
import { LINE_STATUSES, type LineStatus } from "@/db/schema/parts";
import { deriveOrderStatus } from "./order-status";

describe("deriveOrderStatus", () => {
  const cases: [LineStatus[], string][] = [
    // CREATED: nothing reserved, issued or ordered yet.
    [["OPEN"], "CREATED"],
    [["OPEN", "OPEN"], "CREATED"],
    [["OPEN", "CANCELLED"], "CREATED"],
    // CONFIRMED: at least one line reserved.
    [["RESERVED"], "CONFIRMED"],
    [["RESERVED", "OPEN"], "CONFIRMED"],
    [["RESERVED", "CANCELLED"], "CONFIRMED"],
    // INPROGRESS: picking or back-ordering started.
    [["ISSUED"], "INPROGRESS"],
    [["PACKED"], "INPROGRESS"],
    [["BACKORDER"], "INPROGRESS"],
    [["RESERVED", "BACKORDER"], "INPROGRESS"],
    [["RESERVED", "ISSUED"], "INPROGRESS"],
    [["OPEN", "PACKED"], "INPROGRESS"],
    [["BACKORDER", "CANCELLED"], "INPROGRESS"],
    [["DELIVERED", "OPEN"], "SHIPPED"],
    // SHIPPED: at least one line shipped and not everything finished.
    [["INTRANSIT"], "SHIPPED"],
    [["INTRANSIT", "RESERVED"], "SHIPPED"],
    [["DELIVERED", "BACKORDER"], "SHIPPED"],
    [["INVOICED", "PACKED"], "SHIPPED"],
    [["INTRANSIT", "DELIVERED", "CANCELLED"], "SHIPPED"],
    // CLOSED: every line delivered, invoiced or cancelled.
    [["DELIVERED"], "CLOSED"],
    [["INVOICED"], "CLOSED"],
    [["CANCELLED"], "CLOSED"],
    [["DELIVERED", "INVOICED", "CANCELLED"], "CLOSED"],
    [[], "CLOSED"],
  ];
  it.each(cases)("%j -> %s", (lines, expected) => {
    expect(deriveOrderStatus(lines)).toBe(expected);
  });

  it("gives every single-line order the status its class implies", () => {
    const byLine: Record<LineStatus, string> = {
      OPEN: "CREATED",
      RESERVED: "CONFIRMED",
      ISSUED: "INPROGRESS",
      BACKORDER: "INPROGRESS",
      PACKED: "INPROGRESS",
      INTRANSIT: "SHIPPED",
      DELIVERED: "CLOSED",
      CANCELLED: "CLOSED",
      INVOICED: "CLOSED",
    };
    for (const s of LINE_STATUSES) expect(deriveOrderStatus([s])).toBe(byLine[s]);
  });

  it("never depends on line order", () => {
    for (const a of LINE_STATUSES)
      for (const b of LINE_STATUSES) expect(deriveOrderStatus([a, b])).toBe(deriveOrderStatus([b, a]));
  });

  it("is CLOSED only when no line is still open, and SHIPPED whenever something shipped before that", () => {
    for (const a of LINE_STATUSES)
      for (const b of LINE_STATUSES) {
        const s = deriveOrderStatus([a, b]);
        const closed = (x: LineStatus) => ["DELIVERED", "INVOICED", "CANCELLED"].includes(x);
        const shipped = (x: LineStatus) => ["INTRANSIT", "DELIVERED", "INVOICED"].includes(x);
        expect(s === "CLOSED").toBe(closed(a) && closed(b));
        if (!(closed(a) && closed(b))) expect(s === "SHIPPED").toBe(shipped(a) || shipped(b));
      }
  });
});
