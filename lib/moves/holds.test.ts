import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { future, pickupWith, returnWith, STEPS } from "./fixtures/requests";
import { movesTestEnv } from "./fixtures/test-env";
import { listLoaners } from "./queries";
import {
  advanceMove,
  bookConciergeLoaner,
  createLoaner,
  dispatchMove,
  markLoanerReturned,
  requestCancelation,
  resolveCancelation,
} from "./service";

const t = movesTestEnv();

describe("a loaner staff marked returned", () => {
  it("stays returned when the return booked for it is canceled afterwards, and can be lent again", () => {
    const db = getDb();
    const loaner = createLoaner(db, t.staff, { stock: "LN-HOLD", make: "Honda", model: "Civic" });
    const pickup = bookConciergeLoaner(db, t.staff, pickupWith("LN-HOLD", future(3)));
    const leg = pickup.loaner_move!.move_id;
    dispatchMove(db, t.ops, leg, { driver_name: "Dana Driver" });
    for (const step of STEPS) advanceMove(db, t.ops, leg, { step });
    const ret = bookConciergeLoaner(db, t.staff, returnWith("LN-HOLD", future(6)));
    // The customer drops it off at the counter before the return move happens.
    markLoanerReturned(db, t.staff, loaner.id);
    const returnLeg = ret.loaner_move!.move_id;
    requestCancelation(db, t.staff, { move_id: returnLeg });
    resolveCancelation(db, t.ops, returnLeg, { outcome: "succeeded" });

    const after = listLoaners(db, t.staff).find((l) => l.id === loaner.id)!;
    expect(after.with_customer).toBeNull();
    const next = bookConciergeLoaner(
      db,
      t.staff,
      pickupWith("LN-HOLD", future(9), "804-555-0199", "Other Customer"),
    );
    expect(next.loaner_move?.vehicle.stock).toBe("LN-HOLD");
  });
});
