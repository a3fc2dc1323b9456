import { describe, expect, it } from "vitest";
import { SERVICE_ORDER_STATUSES, type ServiceOrderStatus } from "@/db/schema";
import { canTransition, emailsContact, eventForStatus, isTerminal } from "./lifecycle";

const allowed: [ServiceOrderStatus, ServiceOrderStatus][] = [
  ["pending", "in-progress"],
  ["pending", "delayed"],
  ["pending", "canceled"],
  ["in-progress", "delayed"],
  ["in-progress", "completed"],
  ["in-progress", "canceled"],
  ["delayed", "in-progress"],
  ["delayed", "canceled"],
];

describe("service order lifecycle", () => {
  it("allows exactly the documented moves", () => {
    for (const from of SERVICE_ORDER_STATUSES) {
      for (const to of SERVICE_ORDER_STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(expected);
      }
    }
  });

  it("nothing leaves completed or canceled", () => {
    expect(isTerminal("completed")).toBe(true);
    expect(isTerminal("canceled")).toBe(true);
    expect(isTerminal("delayed")).toBe(false);
  });

  it("completion emits service.completed, everything else service.updated", () => {
    expect(eventForStatus("completed")).toBe("service.completed");
    expect(eventForStatus("delayed")).toBe("service.updated");
    expect(eventForStatus("in-progress")).toBe("service.updated");
  });

  it("emails the contact on delays, cancelations and completion only", () => {
    expect(SERVICE_ORDER_STATUSES.filter(emailsContact)).toEqual(["delayed", "completed", "canceled"]);
  });
});
