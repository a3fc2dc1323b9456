import { describe, expect, it } from "vitest";
import { matchesSubscription } from "./subscriptions";

describe("matchesSubscription", () => {
  it("matches exact names, resource wildcards and *", () => {
    expect(matchesSubscription(["service.created"], "service.created")).toBe(true);
    expect(matchesSubscription(["service.created"], "service.updated")).toBe(false);
    expect(matchesSubscription(["service.*"], "service.completed")).toBe(true);
    expect(matchesSubscription(["service.*"], "services.completed")).toBe(false);
    expect(matchesSubscription(["move.*"], "move.pickup.started")).toBe(true);
    expect(matchesSubscription(["*"], "anything.at.all")).toBe(true);
    expect(matchesSubscription([], "service.created")).toBe(false);
  });
});
