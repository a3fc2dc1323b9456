import { describe, expect, it } from "vitest";
import { LINE_STATUSES } from "@/db/schema/parts";
import { availableActions, LINE_ACTIONS, nextStatus, stockEffect } from "./line-lifecycle";

describe("line lifecycle", () => {
  it("walks a line from reservation to invoice", () => {
    let s = "RESERVED" as const as (typeof LINE_STATUSES)[number];
    for (const [action, to] of [
      ["pick", "ISSUED"],
      ["pack", "PACKED"],
      ["ship", "INTRANSIT"],
      ["deliver", "DELIVERED"],
      ["invoice", "INVOICED"],
    ] as const) {
      expect(nextStatus(action, s, "STK")).toBe(to);
      s = to;
    }
  });

  it("refuses out-of-order steps", () => {
    expect(nextStatus("ship", "RESERVED", "STK")).toBeNull();
    expect(nextStatus("pick", "BACKORDER", "STK")).toBeNull();
    expect(nextStatus("invoice", "INTRANSIT", "STK")).toBeNull();
    expect(nextStatus("cancel", "PACKED", "STK")).toBeNull();
    expect(nextStatus("cancel", "CANCELLED", "STK")).toBeNull();
    expect(nextStatus("deliver", "PACKED", "STK")).toBeNull();
  });

  it("lets collection orders be handed over once packed", () => {
    expect(nextStatus("deliver", "PACKED", "COL")).toBe("DELIVERED");
  });

  it("offers substitution and receipt only on back-ordered lines", () => {
    for (const s of LINE_STATUSES) {
      expect(nextStatus("accept_alternative", s, "STK") !== null).toBe(s === "BACKORDER");
      expect(nextStatus("receive", s, "STK") !== null).toBe(s === "BACKORDER");
    }
    expect(availableActions("BACKORDER", "STK")).toEqual(["receive", "cancel", "accept_alternative"]);
    expect(availableActions("INVOICED", "STK")).toEqual([]);
  });

  it("moves stock only where units change hands", () => {
    expect(stockEffect("pick", "RESERVED")).toBe("issue");
    expect(stockEffect("receive", "BACKORDER")).toBe("receive_and_reserve");
    expect(stockEffect("cancel", "RESERVED")).toBe("release");
    expect(stockEffect("cancel", "ISSUED")).toBe("restock");
    expect(stockEffect("cancel", "BACKORDER")).toBe("none");
    for (const a of LINE_ACTIONS.filter((x) => !["pick", "receive", "cancel"].includes(x)))
      expect(stockEffect(a, "PACKED")).toBe("none");
  });
});
