import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { systemActor } from "@/lib/platform/actor";
import { findDealerBySlug } from "@/lib/platform/identity/dealers";
import { serviceOrderDashboard } from "@/lib/service-orders/queries";
import { useTempDatabase } from "@/lib/testing/harness";
import { loaners, moves, serviceOrders } from "./schema";
import { seed } from "./seed";

let env: ReturnType<typeof useTempDatabase>;
let first: { created: number };
beforeAll(async () => {
  env = useTempDatabase();
  first = await seed(getDb());
}, 60_000);
afterAll(() => env.cleanup());

describe("demo seed", () => {
  it("gives the demo dealer service orders in every status, through the real services", () => {
    const statuses = new Set(
      getDb()
        .select({ s: serviceOrders.status })
        .from(serviceOrders)
        .all()
        .map((r) => r.s),
    );
    expect([...statuses].sort()).toEqual(["canceled", "completed", "delayed", "in-progress", "pending"]);
  });

  it("gives the dashboard figures to show for the last 30 days", () => {
    const riverside = findDealerBySlug(getDb(), "riverside")!;
    const figures = serviceOrderDashboard(getDb(), systemActor(riverside.id));
    expect(figures.estimateAccuracy.count).toBeGreaterThanOrEqual(3);
    expect(figures.timeInRecon.avgMinutes).toBeGreaterThan(0);
    expect(figures.delayed).toHaveLength(1);
  });

  it("books moves on a loaner fleet, one of them driven to the end", () => {
    const db = getDb();
    expect(db.select().from(loaners).all().length).toBeGreaterThanOrEqual(5);
    const statuses = db
      .select({ s: moves.status })
      .from(moves)
      .all()
      .map((r) => r.s);
    expect(statuses).toContain("delivery successful");
    expect(statuses).toContain(null);
  });

  it("changes nothing when run again", async () => {
    expect(first.created).toBeGreaterThan(0);
    expect(await seed(getDb())).toEqual({ created: 0 });
  });
});
