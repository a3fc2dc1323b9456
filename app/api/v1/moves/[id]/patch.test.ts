import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { timelineEntries } from "@/db/schema";
import { future, NO_VEHICLE, pickupWith, returnWith, seedRequest } from "@/lib/moves/fixtures/requests";
import { eventNames, movesTestEnv } from "@/lib/moves/fixtures/test-env";
import { getBookingForMove, getTrackingView, listBookingsForDay } from "@/lib/moves/queries";
import { advanceMove, dispatchMove, setLoanerStatus } from "@/lib/moves/service";
import { call } from "@/lib/testing/harness";
import { POST as cancelation } from "../../cancelation/route";
import { POST as book } from "../../concierge-loaner-moves/route";
import { POST as createLoaner, GET as listLoaners } from "../../loaners/route";
import { GET as getMove, PATCH } from "./route";

const t = movesTestEnv();

const post = async (body: unknown) => {
  const res = await call(book, { method: "POST", key: t.key, body });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json;
};
const patch = (id: number, body: unknown, k = t.key) =>
  call(PATCH, { method: "PATCH", key: k, params: { id: String(id) }, body });
const get = async (id: number) => (await call(getMove, { key: t.key, params: { id: String(id) } })).json;
const timelineOf = (id: number) =>
  getDb()
    .select()
    .from(timelineEntries)
    .where(and(eq(timelineEntries.subjectType, "move"), eq(timelineEntries.subjectId, String(id))))
    .all();
const eventsOf = (id: number) => eventNames(t.key, id);
const addLoaner = async (stock: string) =>
  (
    await call(createLoaner, {
      method: "POST",
      key: t.key,
      body: { stock, make: "Toyota", model: "Camry", color: "gray" },
    })
  ).json;

describe("PATCH /v1/moves/:id validates like booking does", () => {
  it("keeps a customer car's make, model and manual required", async () => {
    const b = await post(seedRequest({ appointment_time_utc: future(10) }));
    const id = b.customer_move.move_id;
    const cases: [unknown, string][] = [
      [{ vehicle: { make: null } }, "vehicle.make"],
      [{ vehicle: { model: "" } }, "vehicle.model"],
      [{ vehicle: { manual: null } }, "vehicle.manual"],
      [{ vehicle: { make: null, model: "", manual: null } }, "vehicle.make"],
      [{ vehicle: { vin: "5GAKRBED6BJ262438" } }, "vehicle.vin"],
      [{ vehicle: { colour: "red" } }, "vehicle"],
      [{ vehicle: "red" }, "vehicle"],
      [{ reference_num: 5 }, "reference_num"],
    ];
    for (const [body, param] of cases) {
      const res = await patch(id, body);
      expect(res.status, param).toBe(400);
      expect(res.json.error.param, param).toBe(param);
    }
    expect((await get(id)).vehicle).toEqual(b.customer_move.vehicle);
    expect(timelineOf(id)).toHaveLength(1);
  });

  it("refuses an empty change; one with the values it already has answers the move and records nothing", async () => {
    const b = await post(seedRequest({ appointment_time_utc: future(11) }));
    const id = b.customer_move.move_id;
    const empty = await patch(id, { vehicle: {} });
    expect(empty.status).toBe(400);
    expect(empty.json.error).toMatchObject({ code: "field_missing", param: "vehicle" });
    expect((await patch(id, {})).json.error.code).toBe("field_missing");
    const same = await patch(id, { vehicle: { color: "white" }, reference_num: "RO# 12345" });
    expect(same.status).toBe(200);
    expect(same.json).toEqual(await get(id));
    expect(timelineOf(id)).toHaveLength(1);
    expect(await eventsOf(id)).toEqual(["move.created"]);
  });

  it("records a vehicle or reference change as move.updated with what changed, and clears optional fields with null", async () => {
    const b = await post(seedRequest({ appointment_time_utc: future(12) }));
    const id = b.customer_move.move_id;
    const ok = await patch(id, { vehicle: { color: "black", stock: null }, reference_num: null });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      reference_id: null,
      vehicle: { color: "black", stock: null, make: "Buick" },
    });
    expect(await eventsOf(id)).toEqual(["move.created", "move.updated"]);
    expect(timelineOf(id).at(-1)?.note).toBe(
      "Updated stock BK0018 → none; color white → black; reference RO# 12345 → none",
    );
    // A loaner leg may blank what a customer car may not.
    const loaner = b.loaner_move.move_id;
    expect((await patch(loaner, { vehicle: { make: "Honda", model: "Civic" } })).status).toBe(200);
    const cleared = await patch(loaner, { vehicle: { make: null, model: "" } });
    expect(cleared.status).toBe(200);
    expect(cleared.json.vehicle).toMatchObject({ make: null, model: null });
  });

  it("refuses changes once picked up, or when a cancelation is pending, and another dealer's move is a 404", async () => {
    const b = await post(seedRequest({ appointment_time_utc: future(13) }));
    const id = b.customer_move.move_id;
    expect((await patch(id, { vehicle: { color: "red" } }, t.keyB)).status).toBe(404);
    expect((await patch(999_999, { vehicle: { color: "red" } })).status).toBe(404);
    const pending = await call(cancelation, { method: "POST", key: t.key, body: { move_id: id } });
    expect(pending.json.cancel_status).toBe("pending");
    const refused = await patch(id, { vehicle: { color: "red" } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe("move_invalid");
    const leg = b.loaner_move.move_id;
    dispatchMove(getDb(), t.ops, leg, { driver_name: "Dana" });
    for (const step of ["pickup started", "pickup arrived"]) advanceMove(getDb(), t.ops, leg, { step });
    expect((await patch(leg, { reference_num: "x" })).status).toBe(200);
    advanceMove(getDb(), t.ops, leg, { step: "pickup successful" });
    expect((await patch(leg, { reference_num: "y" })).json.error.code).toBe("move_invalid");
  });
});

describe("PATCH ready_by", () => {
  it("must be a real future time before the appointment", async () => {
    const appointment = future(14);
    const b = await post(seedRequest({ appointment_time_utc: appointment }));
    const id = b.customer_move.move_id;
    const day = appointment.slice(0, 10);
    for (const ready_by of [
      "2020-01-01T10:00:00Z",
      `${day}T14:00:00Z`,
      `${day}T15:00:00Z`,
      `${day.slice(0, 8)}32T10:00:00Z`,
      "soon",
    ]) {
      const res = await patch(id, { ready_by });
      expect(res.status, ready_by).toBe(400);
      expect(res.json.error.param, ready_by).toBe("ready_by");
    }
    expect((await get(id)).ready_by_time_utc).toBe(b.ready_by_time_utc);
  });

  it("moves the booking's ready-by everywhere it is read and emits move.rescheduled on both legs", async () => {
    const appointment = future(15);
    const b = await post(seedRequest({ appointment_time_utc: appointment }));
    const [first, second] = [b.loaner_move.move_id, b.customer_move.move_id];
    const readyBy = `${appointment.slice(0, 10)}T13:15:00Z`;
    const res = await patch(second, { ready_by: readyBy });
    expect(res.status).toBe(200);
    expect(res.json.ready_by_time_utc).toBe(readyBy);
    expect((await get(first)).ready_by_time_utc).toBe(readyBy);
    const booking = getBookingForMove(getDb(), t.staff, first);
    expect(booking.readyBy).toBe(`${appointment.slice(0, 10)}T13:15:00.000Z`);
    expect(getTrackingView(getDb(), booking.trackingToken)?.readyBy).toBe(booking.readyBy);
    const board = listBookingsForDay(getDb(), t.ops, appointment.slice(0, 10)).find(
      (x) => x.id === booking.id,
    );
    expect(board?.readyBy).toBe(booking.readyBy);
    expect(await eventsOf(first)).toEqual(["move.created", "move.rescheduled"]);
    expect(await eventsOf(second)).toEqual(["move.created", "move.rescheduled"]);
    expect(timelineOf(second).at(-1)?.note).toBe(`Ready by ${b.ready_by_time_utc} → ${readyBy}`);
  });

  it("cannot move once the first leg is under way", async () => {
    const appointment = future(16);
    const b = await post(seedRequest({ appointment_time_utc: appointment }));
    dispatchMove(getDb(), t.ops, b.loaner_move.move_id, { driver_name: "Dana" });
    // Dispatched is not under way yet.
    expect(
      (await patch(b.customer_move.move_id, { ready_by: `${appointment.slice(0, 10)}T13:00:00Z` })).status,
    ).toBe(200);
    advanceMove(getDb(), t.ops, b.loaner_move.move_id, { step: "pickup started" });
    const late = await patch(b.customer_move.move_id, { ready_by: `${appointment.slice(0, 10)}T12:00:00Z` });
    expect(late.status).toBe(400);
    expect(late.json.error).toMatchObject({ code: "move_invalid", param: "ready_by" });
  });
});

describe("PATCH vehicle.stock on a loaner leg goes through the fleet", () => {
  it("links the fleet loaner, fills its details, and holds it", async () => {
    await addLoaner("FL-1");
    const b = await post(seedRequest({ appointment_time_utc: future(20) }));
    const leg = b.loaner_move.move_id;
    const res = await patch(leg, { vehicle: { stock: "FL-1" } });
    expect(res.status).toBe(200);
    expect(res.json.vehicle).toMatchObject({ stock: "FL-1", make: "Toyota", model: "Camry", color: "gray" });
    expect(await eventsOf(leg)).toEqual(["move.created", "move.updated"]);
    const fleet = (await call(listLoaners, { key: t.key })).json.data;
    const fl1 = fleet.find((l: { stock: string }) => l.stock === "FL-1");
    expect(fl1.bookings).toEqual([expect.objectContaining({ out_move_id: leg, until: null })]);
    // Another customer cannot have it now.
    const other = await post(
      seedRequest({ appointment_time_utc: future(22), customer_phone: "804-555-0190" }),
    );
    const clash = await patch(other.loaner_move.move_id, { vehicle: { stock: "FL-1" } });
    expect(clash.status).toBe(409);
    expect(clash.json.error).toMatchObject({ code: "loaner_unavailable", param: "vehicle.stock" });
    expect((await get(other.loaner_move.move_id)).vehicle.stock).toBe("LOAN01");
    // A stock number outside the fleet unlinks it: the hold goes, the old loaner's details with it.
    const unlinked = await patch(leg, { vehicle: { stock: "CURB-9" } });
    expect(unlinked.json.vehicle).toEqual({ ...NO_VEHICLE, stock: "CURB-9" });
    expect((await patch(other.loaner_move.move_id, { vehicle: { stock: "FL-1" } })).status).toBe(200);
  });

  it("refuses an out-of-service loaner", async () => {
    const l = await addLoaner("FL-2");
    setLoanerStatus(getDb(), t.staff, l.id, { status: "out_of_service" });
    const b = await post(seedRequest({ appointment_time_utc: future(24) }));
    const res = await patch(b.loaner_move.move_id, { vehicle: { stock: "FL-2" } });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/out of service/);
  });

  it("re-checks the loaner's window when ready_by moves", async () => {
    await addLoaner("FL-3");
    // Customer A has FL-3 from day 30 until the return on day 32 brings it back (14:00 + 23 min drive).
    const a1 = pickupWith("FL-3", future(30));
    await post(a1);
    await post(returnWith("FL-3", future(32)));
    const b = await post(pickupWith("FL-3", future(32, "16:00:00"), "804-555-0122", "Bea"));
    const early = await patch(b.customer_move.move_id, { ready_by: `${future(32).slice(0, 10)}T14:10:00Z` });
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({ code: "loaner_unavailable", param: "ready_by" });
    expect((await get(b.customer_move.move_id)).ready_by_time_utc).toBe(b.ready_by_time_utc);
    expect(
      (await patch(b.customer_move.move_id, { ready_by: `${future(32).slice(0, 10)}T14:30:00Z` })).status,
    ).toBe(200);
  });
});
