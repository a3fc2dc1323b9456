import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { future, pickupWith, returnWith, STEPS, seedRequest } from "@/lib/moves/fixtures/requests";
import { eventNames, movesTestEnv } from "@/lib/moves/fixtures/test-env";
import { advanceMove, assignLoaner, dispatchMove, resolveCancelation } from "@/lib/moves/service";
import { testClock } from "@/lib/platform/clock";
import { call } from "@/lib/testing/harness";
import { POST as cancelation } from "../cancelation/route";
import { POST as book } from "../concierge-loaner-moves/route";
import { PATCH } from "../moves/[id]/route";
import { POST as markReturned } from "./[id]/return/route";
import { PATCH as setStatus } from "./[id]/route";
import { POST as create, GET as list } from "./route";

const t = movesTestEnv();
afterEach(() => testClock.reset());

const post = (body: unknown) => call(book, { method: "POST", key: t.key, body });
const booked = async (body: unknown) => {
  const res = await post(body);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json;
};
const addLoaner = async (stock: string) => {
  const res = await call(create, {
    method: "POST",
    key: t.key,
    body: { stock, make: "Toyota", model: "Camry" },
  });
  expect(res.status).toBe(201);
  return res.json as { id: string; stock: string };
};
const loaner = async (stock: string, k = t.key) =>
  (await call(list, { key: k })).json.data.find((l: { stock: string }) => l.stock === stock);
const drive = (moveId: number) => {
  dispatchMove(getDb(), t.ops, moveId, { driver_name: "Dana" });
  for (const step of STEPS) advanceMove(getDb(), t.ops, moveId, { step });
};
const DAY = 86_400_000;

describe("a pickup hands the loaner over until a return brings it back", () => {
  it("stays out after its leg is delivered: the same loaner an hour later, or days later, is a 409", async () => {
    await addLoaner("H-1");
    const first = await booked(pickupWith("H-1", future(3)));
    drive(first.loaner_move.move_id);
    for (const at of [future(3, "15:00:00"), future(9)]) {
      const again = await post(pickupWith("H-1", at, "804-555-0102", "Other Customer"));
      expect(again.status, at).toBe(409);
      expect(again.json.error).toMatchObject({
        code: "loaner_unavailable",
        param: "loaner_move.vehicle.stock",
      });
      expect(again.json.error.message).toMatch(/out with Harry Stevens .* until it is returned \(move \d+\)/);
    }
  });

  it("a return for the same customer closes the loan; the loaner is free after it, not before", async () => {
    await addLoaner("H-2");
    await booked(pickupWith("H-2", future(4)));
    const back = await booked(returnWith("H-2", future(6)));
    expect((await loaner("H-2")).bookings).toEqual([
      expect.objectContaining({
        customer_name: "Harry Stevens",
        from: `${future(4).slice(0, 10)}T13:37:00Z`,
        until: `${future(6).slice(0, 10)}T14:23:00Z`,
        return_move_id: back.loaner_move.move_id,
      }),
    ]);
    expect((await post(pickupWith("H-2", future(5), "804-555-0103", "Bea"))).status).toBe(409);
    expect((await post(pickupWith("H-2", future(7), "804-555-0103", "Bea"))).status).toBe(200);
  });

  it("re-timing a pickup keeps the loan its return already closed; its loaner cannot be swapped under the return", async () => {
    await addLoaner("H-7");
    const other = await addLoaner("H-8");
    const out = await booked(pickupWith("H-7", future(40)));
    const back = await booked(returnWith("H-7", future(42)));
    const readyBy = `${future(40).slice(0, 10)}T13:00:00Z`;
    const res = await call(PATCH, {
      method: "PATCH",
      key: t.key,
      params: { id: String(out.customer_move.move_id) },
      body: { ready_by: readyBy },
    });
    expect(res.status).toBe(200);
    expect((await loaner("H-7")).bookings).toEqual([
      expect.objectContaining({
        from: readyBy,
        until: `${future(42).slice(0, 10)}T14:23:00Z`,
        return_move_id: back.loaner_move.move_id,
      }),
    ]);
    expect(() => assignLoaner(getDb(), t.staff, out.loaner_move.move_id, { loaner_id: other.id })).toThrow(
      expect.objectContaining({ status: 409, code: "loaner_return_booked" }),
    );
  });

  it("a return cannot collect the loaner from a customer who does not have it", async () => {
    await addLoaner("H-3");
    await booked(pickupWith("H-3", future(4)));
    const wrong = await post(returnWith("H-3", future(6), "804-555-0104", "Cal"));
    expect(wrong.status).toBe(409);
    expect(wrong.json.error.message).toMatch(/A return can only collect it from that customer/);
    // Nor can a second return collect it again.
    await booked(returnWith("H-3", future(6)));
    expect((await post(returnWith("H-3", future(8)))).status).toBe(409);
  });

  it("a return of a loaner lent outside the system holds it from now until it is back", async () => {
    await addLoaner("H-4");
    await booked(returnWith("H-4", future(5), "804-555-0105", "Dee"));
    const l = await loaner("H-4");
    expect(l.status).toBe("with_customer");
    expect(l.with_customer).toMatchObject({
      customer_name: "Dee",
      until: `${future(5).slice(0, 10)}T14:23:00Z`,
    });
    expect((await post(pickupWith("H-4", future(2), "804-555-0106", "Eve"))).status).toBe(409);
    expect((await post(pickupWith("H-4", future(6), "804-555-0106", "Eve"))).status).toBe(200);
  });

  it("the return's delivery ends the loan at once", async () => {
    await addLoaner("H-5");
    await booked(pickupWith("H-5", future(3)));
    const back = await booked(returnWith("H-5", future(8)));
    testClock.advance(4 * DAY);
    drive(back.customer_move.move_id);
    drive(back.loaner_move.move_id);
    const l = await loaner("H-5");
    expect(l.status).toBe("available");
    expect(l.bookings).toEqual([]);
  });

  it("a canceled pickup frees its loaner; a canceled return leaves it with the customer", async () => {
    await addLoaner("H-6");
    const out = await booked(pickupWith("H-6", future(3)));
    const back = await booked(returnWith("H-6", future(5)));
    await call(cancelation, { method: "POST", key: t.key, body: { move_id: back.loaner_move.move_id } });
    // Pending: nothing changes yet.
    expect((await loaner("H-6")).bookings[0].until).not.toBeNull();
    resolveCancelation(getDb(), t.ops, back.loaner_move.move_id, { outcome: "succeeded" });
    expect((await loaner("H-6")).bookings).toEqual([expect.objectContaining({ until: null })]);
    await call(cancelation, { method: "POST", key: t.key, body: { move_id: out.loaner_move.move_id } });
    resolveCancelation(getDb(), t.ops, out.loaner_move.move_id, { outcome: "partial" });
    expect((await loaner("H-6")).bookings).toEqual([]);
    expect((await post(pickupWith("H-6", future(4), "804-555-0107", "Fay"))).status).toBe(200);
  });
});

describe("staff set a loaner in or out of service and mark it returned", () => {
  const setStatusOf = (id: string, body: unknown, k = t.key) =>
    call(setStatus, { method: "PATCH", key: k, params: { id }, body });

  it("an out-of-service loaner cannot be booked or assigned (409); back in service, it can", async () => {
    const l = await addLoaner("S-1");
    const off = await setStatusOf(l.id, { status: "out_of_service" });
    expect(off.status).toBe(200);
    expect(off.json).toMatchObject({ stock: "S-1", status: "out_of_service" });
    const refused = await post(pickupWith("S-1", future(3)));
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({
      code: "loaner_unavailable",
      message: "Loaner S-1 is out of service; choose another loaner.",
    });
    const b = await booked(seedRequest({ appointment_time_utc: future(3) }));
    expect(() => assignLoaner(getDb(), t.staff, b.loaner_move.move_id, { loaner_id: l.id })).toThrow(
      /out of service/,
    );
    expect((await setStatusOf(l.id, { status: "out_of_service" })).status).toBe(400);
    expect((await setStatusOf(l.id, { status: "available" })).json.status).toBe("available");
    expect((await post(pickupWith("S-1", future(3)))).status).toBe(200);
  });

  it("validates the status, refuses to take a booked loaner out of service, and hides other dealers' loaners", async () => {
    const l = await addLoaner("S-2");
    const bad = await setStatusOf(l.id, { status: "broken" });
    expect(bad.json.error).toMatchObject({ code: "field_invalid", param: "status" });
    const missing = await setStatusOf(l.id, {});
    expect(missing.json.error).toMatchObject({ code: "field_missing", param: "status" });
    await booked(pickupWith("S-2", future(12)));
    const booked409 = await setStatusOf(l.id, { status: "out_of_service" });
    expect(booked409.status).toBe(409);
    expect(booked409.json.error.code).toBe("loaner_booked");
    expect((await setStatusOf(l.id, { status: "out_of_service" }, t.keyB)).status).toBe(404);
    expect((await call(markReturned, { method: "POST", key: t.keyB, params: { id: l.id } })).status).toBe(
      404,
    );
    expect(await loaner("S-2", t.keyB)).toBeUndefined();
  });

  it("mark returned ends the loan of a loaner the customer has; not before the driver handed it over", async () => {
    await addLoaner("S-3");
    const id = (await loaner("S-3")).id;
    const out = await booked(pickupWith("S-3", future(2)));
    expect((await call(markReturned, { method: "POST", key: t.key, params: { id } })).json.error.code).toBe(
      "loaner_not_out",
    );
    testClock.advance(3 * DAY);
    expect((await loaner("S-3")).status).toBe("with_customer");
    const early = await call(markReturned, { method: "POST", key: t.key, params: { id } });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toMatch(/has not reached Harry Stevens yet/);
    drive(out.loaner_move.move_id);
    const res = await call(markReturned, { method: "POST", key: t.key, params: { id } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "available", with_customer: null, bookings: [] });
  });

  it("a loaner driven out before its planned time is with the customer from then, and can be marked returned", async () => {
    await addLoaner("S-5");
    const out = await booked(pickupWith("S-5", future(6)));
    expect((await loaner("S-5")).status).toBe("available");
    drive(out.loaner_move.move_id);
    const l = await loaner("S-5");
    expect(l.status).toBe("with_customer");
    expect(Date.parse(l.with_customer.from)).toBeLessThanOrEqual(Date.now());
    expect((await call(markReturned, { method: "POST", key: t.key, params: { id: l.id } })).json.status).toBe(
      "available",
    );
  });

  it("serializes a loaner as a DTO, not a row", async () => {
    await addLoaner("S-4");
    const l = await loaner("S-4");
    expect(Object.keys(l).sort()).toEqual(
      ["bookings", "color", "id", "make", "model", "status", "stock", "vin", "with_customer", "year"].sort(),
    );
  });
});

describe("assignLoaner", () => {
  it("holds the loaner for the booking and refuses one out with someone else (409)", async () => {
    const a = await addLoaner("A-1");
    const first = await booked(seedRequest({ appointment_time_utc: future(5) }));
    const dto = assignLoaner(getDb(), t.staff, first.loaner_move.move_id, { loaner_id: a.id });
    expect(dto.vehicle).toMatchObject({ stock: "A-1", make: "Toyota", model: "Camry" });
    expect(await eventNames(t.key, first.loaner_move.move_id)).toEqual(["move.created", "move.updated"]);
    const second = await booked(
      seedRequest({ appointment_time_utc: future(6), customer_phone: "804-555-0120" }),
    );
    expect(() => assignLoaner(getDb(), t.staff, second.loaner_move.move_id, { loaner_id: a.id })).toThrow(
      expect.objectContaining({ status: 409, code: "loaner_unavailable", param: "loaner_id" }),
    );
    expect(() => assignLoaner(getDb(), t.staff, second.customer_move.move_id, { loaner_id: a.id })).toThrow(
      /loaner leg/,
    );
    expect(() => assignLoaner(getDb(), t.staff, second.loaner_move.move_id, { loaner_id: "" })).toThrow(
      expect.objectContaining({ status: 400, param: "loaner_id" }),
    );
    // Moving the first booking's loaner to another frees A-1 for the second.
    const b = await addLoaner("A-2");
    assignLoaner(getDb(), t.staff, first.loaner_move.move_id, { loaner_id: b.id });
    expect(
      assignLoaner(getDb(), t.staff, second.loaner_move.move_id, { loaner_id: a.id }).vehicle.stock,
    ).toBe("A-1");
  });
});
