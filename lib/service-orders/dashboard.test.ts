import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { UserActor } from "@/lib/platform/actor";
import { testClock } from "@/lib/platform/clock";
import { makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { serviceOrderDashboard } from "./queries";
import { createDirectOrder, updateOrder } from "./service";

const DAY = 86_400_000;
const T0 = Date.parse("2026-06-30T12:00:00Z");
const at = (daysAgo: number) => T0 - daysAgo * DAY;

let env: ReturnType<typeof useTempDatabase>;
let admin: UserActor;
let ops: UserActor;
let otherDealer: UserActor;

beforeAll(async () => {
  env = useTempDatabase();
  admin = (await makeUser(makeDealer("alpha").id, "admin")).actor;
  otherDealer = (await makeUser(makeDealer("beta").id, "admin")).actor;
  ops = (await makeUser(null, "ops")).actor;
});
afterEach(() => testClock.reset());
afterAll(() => env.cleanup());

const place = (actor: UserActor, daysAgo: number) => {
  testClock.freeze(at(daysAgo));
  return createDirectOrder(getDb(), actor, {
    type: "reconditioning",
    vin: "1HGCM82633A004352",
    items: ["glass"],
  });
};
const move = (id: string, daysAgo: number, body: Record<string, unknown>) => {
  testClock.freeze(at(daysAgo));
  return updateOrder(getDb(), ops, id, body);
};

describe("service-order dashboard over the last 30 days (controlled clock)", () => {
  it("clips status periods to the window, measures completion against the first promise, and time in recon", () => {
    // Pending for 60 days and never touched since: still counts, for its 30 days inside the window.
    place(admin, 60);
    // Worked and finished entirely before the window: no part of it counts.
    const old = place(admin, 40);
    move(old.id, 35, { status: "in-progress" });
    move(old.id, 34, { status: "completed" });
    // Created before the window, worked, delayed and completed inside it.
    const recent = place(admin, 32);
    move(recent.id, 28, { status: "in-progress" });
    move(recent.id, 27, {
      status: "delayed",
      note: "Glass on back order",
      estimatedTime: new Date(at(20)).toISOString(),
    });
    move(recent.id, 22, { status: "in-progress" });
    move(recent.id, 21, { status: "completed" });
    // Another dealer's order: not in alpha's figures.
    place(otherDealer, 10);

    testClock.freeze(T0);
    const m = serviceOrderDashboard(getDb(), admin);
    expect(m.openByStatus).toEqual({ pending: 1, "in-progress": 0, delayed: 0 });
    expect(m.timeInStatus).toEqual({
      // (30 days + 2 days clipped) / 2
      pending: { avgMinutes: 16 * 1440, samples: 2 },
      "in-progress": { avgMinutes: 1440, samples: 2 },
      delayed: { avgMinutes: 5 * 1440, samples: 1 },
    });
    // Glass takes 6 h: promised 32 days ago + 6 h, done 21 days ago.
    expect(Date.parse(recent.originalEstimatedTime)).toBe(at(32) + 6 * 3_600_000);
    expect(m.estimateAccuracy).toEqual({
      count: 1,
      original: { onTimeShare: 0, avgLatenessMinutes: 11 * 1440 - 360 },
      // A day before the delayed estimate.
      latest: { onTimeShare: 1, avgLatenessMinutes: -1440 },
    });
    expect(m.timeInRecon).toEqual({ count: 1, avgMinutes: 11 * 1440 });

    // Ops see every dealer: the other dealer's pending order adds a third pending sample.
    const all = serviceOrderDashboard(getDb(), ops);
    expect(all.openByStatus.pending).toBe(2);
    expect(all.timeInStatus.pending.samples).toBe(3);
  });

  it("drops out of the window as the clock moves on", () => {
    testClock.freeze(T0 + 40 * DAY);
    const m = serviceOrderDashboard(getDb(), admin);
    expect(m.estimateAccuracy.count).toBe(0);
    expect(m.timeInRecon).toEqual({ count: 0, avgMinutes: null });
    // Only the order still pending has time inside the window now.
    expect(m.timeInStatus).toEqual({ pending: { avgMinutes: 30 * 1440, samples: 1 } });
  });
});
