import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { future, NO_VEHICLE, STEPS, seed, seedRequest } from "@/lib/moves/fixtures/requests";
import { eventNames, sentEvents } from "@/lib/moves/fixtures/test-env";
import { advanceMove, dispatchMove, resolveCancelation } from "@/lib/moves/service";
import type { UserActor } from "@/lib/platform/actor";
import { writerReady } from "@/lib/platform/writer/writer";
import { call, makeApiKey, makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { POST as cancel } from "../cancelation/route";
import { POST as bookConcierge } from "../concierge-moves/route";
import { GET as listEvents } from "../events/route";
import { GET as getLane } from "../lanes/[id]/route";
import { POST as createLoaner } from "../loaners/route";
import { GET as getMove, PATCH } from "../moves/[id]/route";
import { POST as book } from "./route";

let env: ReturnType<typeof useTempDatabase>;
let keyA: string;
let keyB: string;
let ops: UserActor;

beforeAll(async () => {
  env = useTempDatabase();
  keyA = makeApiKey(makeDealer("alpha").id);
  keyB = makeApiKey(makeDealer("beta").id);
  ops = (await makeUser(null, "ops")).actor;
  // Writes go through the writer thread, as they do in the server.
  expect(await writerReady()).toBe(true);
});
afterAll(() => env.cleanup());

const post = (body: unknown, key = keyA) => call(book, { method: "POST", key, body });

/** Key paths with their JSON types: what "same keys and nesting" means. */
function shape(v: unknown, path = ""): string[] {
  if (v === null) return [`${path}:null`];
  if (Array.isArray(v)) return [`${path}:array`];
  if (typeof v === "object")
    return Object.entries(v as object).flatMap(([k, x]) => shape(x, path ? `${path}.${k}` : k));
  return [`${path}:${typeof v}`];
}
const keys = (v: unknown) =>
  shape(v)
    .map((s) => s.split(":")[0])
    .sort();

describe("POST /v1/concierge-loaner-moves", () => {
  it("answers the seed's request with the seed's response shape", async () => {
    const res = await post(seedRequest());
    expect(res.status).toBe(200);
    expect(keys(res.json)).toEqual(keys(seed.response));
    expect(Number.isInteger(res.json.loaner_move.move_id)).toBe(true);
    expect(res.json.loaner_move.move_uri).toBe(`http://localhost/v1/moves/${res.json.loaner_move.move_id}`);
    expect(res.json.loaner_move.lane_uri).toMatch(/^http:\/\/localhost\/v1\/lanes\/\d+$/);
    expect(res.json.loaner_move.tracking_link).toMatch(/^http:\/\/localhost\/track\/[\w-]{32}$/);
    expect(res.json.customer_move.vehicle).toEqual(seed.response.customer_move.vehicle);
    expect(res.json.loaner_move.vehicle).toEqual(seed.response.loaner_move.vehicle);
    expect(res.json.customer_phone).toBe("+18888888888");
    // Both legs share the lane between the two locations, as in the seed.
    expect(res.json.loaner_move.lane_uri).toBe(res.json.customer_move.lane_uri);
    const ready = Date.parse(res.json.ready_by_time_utc);
    const appt = Date.parse(res.json.appointment_time_utc);
    expect((appt - ready) / 60_000).toBe(23);
  });

  it("geocodes and reuses locations by normalised address", async () => {
    const first = await post(seedRequest());
    const again = await post(
      seedRequest({
        appointment_time_utc: future(5),
        customer_move: {
          ...seed.request.customer_move,
          pickup_location: {
            ...seed.request.customer_move.pickup_location,
            address_one: "210 s. MULBERRY st",
          },
        },
      }),
    );
    const loc = first.json.customer_move.pickup_location;
    expect(loc).toMatchObject({
      lat: expect.any(Number),
      lon: expect.any(Number),
      location_id: expect.any(Number),
    });
    expect(loc.full_address).toBe("210 S Mulberry St, Richmond, VA 23220, USA");
    expect(again.json.customer_move.pickup_location.location_id).toBe(loc.location_id);
    const laneId = first.json.loaner_move.lane_uri.split("/").pop();
    const lane = await call(getLane, { key: keyA, params: { id: laneId } });
    expect(lane.json.distance_miles).toBeGreaterThan(9);
    expect(lane.json.duration_minutes).toBe(23);
  });

  it("orders the legs: pickup sends the loaner first; return sends the customer's car first", async () => {
    const pickup = await post(seedRequest());
    const p = await call(getMove, { key: keyA, params: { id: String(pickup.json.loaner_move.move_id) } });
    expect(p.json.pickup_location.name).toBe("Denny's Automobiles");
    expect(p.json.delivery_location.name).toBe("210 S Mulberry St");
    const pc = await call(getMove, { key: keyA, params: { id: String(pickup.json.customer_move.move_id) } });
    expect(pc.json.pickup_location.name).toBe("210 S Mulberry St");
    expect(pc.json.delivery_location.name).toBe("Denny's Automobiles");

    // Return: the customer's car is at the service center and goes out first.
    const ret = await post(
      seedRequest({
        customer_action: "return",
        appointment_time_utc: future(7),
        customer_move: {
          ...seed.request.customer_move,
          pickup_location: seed.request.loaner_move.pickup_location,
        },
        loaner_move: {
          ...seed.request.loaner_move,
          pickup_location: seed.request.customer_move.pickup_location,
        },
      }),
    );
    expect(ret.status).toBe(200);
    // A return answers in the seed's shape too.
    expect(keys(ret.json)).toEqual(keys(seed.response));
    const rc = await call(getMove, { key: keyA, params: { id: String(ret.json.customer_move.move_id) } });
    const rl = await call(getMove, { key: keyA, params: { id: String(ret.json.loaner_move.move_id) } });
    expect(rc.json.pickup_location.name).toBe("Denny's Automobiles");
    expect(rc.json.delivery_location.name).toBe(rl.json.pickup_location.name);
    expect(rl.json.delivery_location.name).toBe(rc.json.pickup_location.name);
    expect(rc.json.move_id).toBeLessThan(rl.json.move_id);
  });

  it("GET /v1/lanes/:id reports origin and destination in the direction the first leg travels", async () => {
    // New places, so this booking creates its lane. A return drives the customer's car from the
    // service center out to the customer: the center is the origin, whatever the ids say.
    const center = {
      name: "Broad St Service",
      address_one: "2 W Broad St",
      city: "Richmond",
      state: "VA",
      zip: "23220",
    };
    const home = {
      name: "Grove Ave",
      address_one: "5 Grove Ave",
      city: "Richmond",
      state: "VA",
      zip: "23221",
    };
    const ret = await post(
      seedRequest({
        customer_action: "return",
        appointment_time_utc: future(20),
        loaner_move: { ...seed.request.loaner_move, pickup_location: home },
        customer_move: { ...seed.request.customer_move, pickup_location: center },
      }),
    );
    expect(ret.status).toBe(200);
    const lane = await call(getLane, {
      key: keyA,
      params: { id: ret.json.customer_move.lane_uri.split("/").pop() },
    });
    expect(lane.json.origin_location.name).toBe("Broad St Service");
    expect(lane.json.destination_location.name).toBe("Grove Ave");
    expect(ret.json.loaner_move.lane_uri).toBe(ret.json.customer_move.lane_uri);
  });

  it("validates every rule with a code and the field's path, and books nothing", async () => {
    const base = seedRequest();
    const cases: [unknown, string, string][] = [
      [{ ...base, customer_name: undefined }, "field_missing", "customer_name"],
      [{ ...base, customer_phone: "12" }, "field_invalid", "customer_phone"],
      [{ ...base, customer_action: "drop" }, "field_invalid", "customer_action"],
      [{ ...base, customer_action: undefined }, "field_missing", "customer_action"],
      [{ ...base, appointment_time_utc: "2020-01-01T10:00:00Z" }, "field_invalid", "appointment_time_utc"],
      [{ ...base, appointment_time_utc: "tomorrow" }, "field_invalid", "appointment_time_utc"],
      [
        {
          ...base,
          customer_move: {
            ...base.customer_move,
            vehicle: { ...base.customer_move.vehicle, make: undefined },
          },
        },
        "field_missing",
        "customer_move.vehicle.make",
      ],
      [
        {
          ...base,
          customer_move: {
            ...base.customer_move,
            vehicle: { ...base.customer_move.vehicle, manual: undefined },
          },
        },
        "field_missing",
        "customer_move.vehicle.manual",
      ],
      [
        {
          ...base,
          customer_move: {
            ...base.customer_move,
            vehicle: { ...base.customer_move.vehicle, vin: "5GAKRBED6BJ262438" },
          },
        },
        "field_invalid",
        "customer_move.vehicle.vin",
      ],
      [
        {
          ...base,
          customer_move: {
            ...base.customer_move,
            pickup_location: { ...base.customer_move.pickup_location, zip: "2322" },
          },
        },
        "field_invalid",
        "customer_move.pickup_location.zip",
      ],
      [
        {
          ...base,
          customer_move: {
            ...base.customer_move,
            pickup_location: { ...base.customer_move.pickup_location, zip: "00001" },
          },
        },
        "address_invalid",
        "customer_move.pickup_location.zip",
      ],
      [
        {
          ...base,
          loaner_move: {
            ...base.loaner_move,
            pickup_location: { ...base.loaner_move.pickup_location, zip: "90210" },
          },
        },
        "address_invalid",
        "loaner_move.pickup_location.zip",
      ],
      [
        {
          ...base,
          loaner_move: {
            ...base.loaner_move,
            pickup_location: { ...base.loaner_move.pickup_location, city: undefined },
          },
        },
        "field_missing",
        "loaner_move.pickup_location.city",
      ],
      [
        {
          ...base,
          customer_move: {
            ...base.customer_move,
            vehicle: { ...base.customer_move.vehicle, model: undefined },
          },
        },
        "field_missing",
        "customer_move.vehicle.model",
      ],
      [
        {
          ...base,
          customer_move: {
            ...base.customer_move,
            pickup_location: { ...base.customer_move.pickup_location, name: undefined },
          },
        },
        "field_missing",
        "customer_move.pickup_location.name",
      ],
      [
        {
          ...base,
          loaner_move: {
            ...base.loaner_move,
            pickup_location: { ...base.loaner_move.pickup_location, address_one: undefined },
          },
        },
        "field_missing",
        "loaner_move.pickup_location.address_one",
      ],
      [
        {
          ...base,
          customer_move: {
            ...base.customer_move,
            pickup_location: { ...base.customer_move.pickup_location, state: undefined },
          },
        },
        "field_missing",
        "customer_move.pickup_location.state",
      ],
      [{ ...base, duplicate_check: "vin" }, "field_invalid", "duplicate_check"],
      [{ ...base, appointment_time_utc: "2031-02-31T14:00:00Z" }, "field_invalid", "appointment_time_utc"],
      [{ ...base, appointment_time_utc: "2031-04-31 14:00:00" }, "field_invalid", "appointment_time_utc"],
      // ISO without Z is local time; the field is UTC, so guessing would move the appointment.
      [{ ...base, appointment_time_utc: "2031-03-25T14:00:00" }, "field_invalid", "appointment_time_utc"],
      [{ ...base, customer_name: "" }, "field_invalid", "customer_name"],
      [
        { ...base, customer_move: { ...base.customer_move, reference_id: "RO# 1", reference_num: "RO# 2" } },
        "field_invalid",
        "customer_move.reference_num",
      ],
    ];
    // A millisecond on: nothing the previous test wrote can share the timestamp.
    const since = new Date(Date.now() + 1).toISOString();
    for (const [body, code, param] of cases) {
      const res = await post(body);
      expect(res.status, param).toBe(400);
      expect(res.json.error, param).toMatchObject({ code, param });
      // Plain language, never zod's developer wording.
      expect(res.json.error.message, param).not.toMatch(/expected|received|Invalid input|Too small/i);
    }
    expect(await sentEvents(keyA, since)).toEqual([]);
  });

  it("says what an empty field needs in plain words", async () => {
    const res = await post({ ...seedRequest(), customer_name: "  " });
    expect(res.json.error).toMatchObject({
      param: "customer_name",
      message: "This field must not be empty.",
    });
  });

  it("accepts the seed table's `YYYY-MM-DD hh:mm:ss` as UTC and answers in ISO 8601", async () => {
    const day = future(21).slice(0, 10);
    const res = await post(seedRequest({ appointment_time_utc: `${day} 14:00:00` }));
    expect(res.status).toBe(200);
    expect(res.json.appointment_time_utc).toBe(`${day}T14:00:00Z`);
    expect(res.json.ready_by_time_utc).toBe(`${day}T13:37:00Z`);
  });

  it("accepts a booking without loaner vehicle details", async () => {
    const res = await post(seedRequest({ loaner_move: { ...seed.request.loaner_move, vehicle: undefined } }));
    expect(res.status).toBe(200);
    expect(res.json.loaner_move.vehicle).toEqual(NO_VEHICLE);
  });

  it("honours duplicate_check", async () => {
    const body = seedRequest({
      duplicate_check: "vehicle_vin",
      customer_move: {
        ...seed.request.customer_move,
        vehicle: { ...seed.request.customer_move.vehicle, vin: "1HGCM82633A004352" },
      },
    });
    expect((await post(body)).status).toBe(200);
    const dup = await post({ ...body, appointment_time_utc: future(9) });
    expect(dup.status).toBe(400);
    expect(dup.json.error.code).toBe("move_duplication");
  });

  it("honours duplicate_check by stock and by reference, and lets other values through", async () => {
    const byStock = (stock: string, days: number) =>
      seedRequest({
        duplicate_check: "vehicle_stock",
        appointment_time_utc: future(days),
        customer_move: {
          ...seed.request.customer_move,
          vehicle: { ...seed.request.customer_move.vehicle, stock: stock },
        },
      });
    expect((await post(byStock("DUP-STOCK-1", 4))).status).toBe(200);
    expect((await post(byStock("DUP-STOCK-2", 4))).status).toBe(200);
    const dup = await post(byStock("DUP-STOCK-1", 5));
    expect(dup.status).toBe(400);
    // The param names the duplicated field, not the option.
    expect(dup.json.error).toMatchObject({ code: "move_duplication", param: "customer_move.vehicle.stock" });

    const byRef = (ref: Record<string, string>) =>
      seedRequest({
        duplicate_check: "reference_num",
        customer_move: { ...seed.request.customer_move, reference_id: undefined, ...ref },
      });
    expect((await post(byRef({ reference_id: "RO# DUP-1" }))).status).toBe(200);
    expect((await post(byRef({ reference_id: "RO# DUP-2" }))).status).toBe(200);
    expect((await post(byRef({ reference_id: "RO# DUP-1" }))).json.error).toMatchObject({
      code: "move_duplication",
      param: "customer_move.reference_id",
    });
    // Saved under either name, found under either name.
    expect((await post(byRef({ reference_num: "RO# DUP-3" }))).status).toBe(200);
    expect((await post(byRef({ reference_id: "RO# DUP-3" }))).json.error.code).toBe("move_duplication");
    expect((await post(byRef({ reference_num: "RO# DUP-1" }))).json.error).toMatchObject({
      code: "move_duplication",
      param: "customer_move.reference_num",
    });
    const missing = await post(byRef({}));
    expect(missing.json.error).toMatchObject({ code: "field_missing", param: "customer_move.reference_id" });
  });

  it("counts a move with a pending cancelation as a duplicate (it is not canceled yet)", async () => {
    const body = seedRequest({
      duplicate_check: "reference_num",
      customer_move: { ...seed.request.customer_move, reference_id: "RO# PENDING" },
    });
    const first = await post(body);
    const id = first.json.customer_move.move_id;
    expect((await call(cancel, { method: "POST", key: keyA, body: { move_id: id } })).status).toBe(200);
    expect((await post(body)).json.error.code).toBe("move_duplication");
    resolveCancelation(getDb(), ops, id, { outcome: "succeeded" });
    expect((await post(body)).status).toBe(200);
  });

  it("refuses to double-book a fleet loaner (409); see loaners.test.ts for the hold rules", async () => {
    expect(
      (
        await call(createLoaner, {
          method: "POST",
          key: keyA,
          body: { stock: "LN-7", make: "Toyota", model: "Camry" },
        })
      ).status,
    ).toBe(201);
    const body = seedRequest({
      appointment_time_utc: future(11),
      loaner_move: { ...seed.request.loaner_move, vehicle: { stock: "LN-7" } },
    });
    const first = await post(body);
    expect(first.status).toBe(200);
    expect(first.json.loaner_move.vehicle).toMatchObject({ stock: "LN-7", make: "Toyota", model: "Camry" });
    const overlap = await post({
      ...body,
      customer_phone: "804-555-0199",
      appointment_time_utc: future(11, "15:00:00"),
    });
    expect(overlap.status).toBe(409);
    expect(overlap.json.error).toMatchObject({
      code: "loaner_unavailable",
      param: "loaner_move.vehicle.stock",
    });
  });
});

describe("PATCH, cancelation, progression", () => {
  it("PATCH changes vehicle fields and ready_by until pickup, refusing empty bodies", async () => {
    const b = await post(seedRequest({ appointment_time_utc: future(13) }));
    const id = String(b.json.customer_move.move_id);
    expect((await call(PATCH, { method: "PATCH", key: keyA, params: { id }, body: {} })).status).toBe(400);
    const ok = await call(PATCH, {
      method: "PATCH",
      key: keyA,
      params: { id },
      body: { vehicle: { color: "black" }, reference_num: "RO# 999" },
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ reference_id: "RO# 999", vehicle: { color: "black", make: "Buick" } });
    expect(
      (
        await call(PATCH, {
          method: "PATCH",
          key: keyA,
          params: { id: "999999" },
          body: { reference_num: "x" },
        })
      ).status,
    ).toBe(404);
  });

  it("steps in order, second leg after the first is delivered, SMS at dispatch, heading out and delivery", async () => {
    const b = await post(seedRequest({ appointment_time_utc: future(14) }));
    const first = b.json.loaner_move.move_id as number;
    const second = b.json.customer_move.move_id as number;
    dispatchMove(getDb(), ops, first, { driver_name: "Dana Driver" });
    dispatchMove(getDb(), ops, second, { driver_name: "Dana Driver" });
    expect(() => advanceMove(getDb(), ops, first, { step: "pickup arrived" })).toThrow(
      /Next step is pickup started/,
    );
    expect(() => advanceMove(getDb(), ops, second, { step: "pickup started" })).toThrow(
      /first leg must be delivered/,
    );
    for (const step of STEPS) {
      advanceMove(getDb(), ops, first, {
        step,
        odometer: 1200,
        fuel_level: "3/4",
        signer_name: step.endsWith("successful") ? "Harry Stevens" : undefined,
      });
    }
    const patched = await call(PATCH, {
      method: "PATCH",
      key: keyA,
      params: { id: String(first) },
      body: { reference_num: "late" },
    });
    expect(patched.status).toBe(400);
    expect(patched.json.error.code).toBe("move_invalid");
    advanceMove(getDb(), ops, second, { step: "pickup started" });
    const m = await call(getMove, { key: keyA, params: { id: String(first) } });
    expect(m.json).toMatchObject({ status: "delivery successful", driver_name: "Dana Driver" });
    expect(m.json.delivery_successful).toMatch(/Z$/);
    // The handover records come back as extra keys; the seed's keys are all still there.
    expect(m.json.pickup_record).toEqual({
      odometer: 1200,
      fuel_level: "3/4",
      signer_name: "Harry Stevens",
      notes: null,
    });
    expect(m.json.delivery_record).toMatchObject({ odometer: 1200, signer_name: "Harry Stevens" });
    for (const key of Object.keys(seed.response.loaner_move)) expect(m.json).toHaveProperty(key);
    const fresh = await call(getMove, { key: keyA, params: { id: String(second) } });
    expect(fresh.json).toMatchObject({ pickup_record: null, delivery_record: null });
    const sms = getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.channel, "sms"))
      .all()
      .filter((n) => n.to === "+18888888888");
    expect(sms.map((s) => s.body).join("\n")).toMatch(
      /Dana Driver is your driver[\s\S]*on the way[\s\S]*delivered/,
    );
    // On the dealer's clock (the test dealer is in New York), never GMT.
    const dispatchText = sms.find((s) => s.body.includes("is your driver"))!.body;
    expect(dispatchText).toMatch(/ (EDT|EST)\. Track: /);
    expect(dispatchText).not.toMatch(/GMT/);
    expect(await eventNames(keyA, first)).toEqual([
      "move.created",
      "move.dispatched",
      "move.pickup.started",
      "move.pickup.arrived",
      "move.pickup.successful",
      "move.delivery.started",
      "move.delivery.arrived",
      "move.delivery.successful",
    ]);
  });

  it("refuses a delivery odometer lower than at pickup", async () => {
    const b = await post(seedRequest({ appointment_time_utc: future(17) }));
    const id = b.json.loaner_move.move_id as number;
    dispatchMove(getDb(), ops, id, { driver_name: "Dana Driver" });
    for (const step of ["pickup started", "pickup arrived"]) advanceMove(getDb(), ops, id, { step });
    advanceMove(getDb(), ops, id, { step: "pickup successful", odometer: 5000 });
    advanceMove(getDb(), ops, id, { step: "delivery started" });
    advanceMove(getDb(), ops, id, { step: "delivery arrived" });
    let error: unknown;
    try {
      advanceMove(getDb(), ops, id, { step: "delivery successful", odometer: 4999 });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ status: 400, param: "odometer", code: "field_invalid" });
    expect((await call(getMove, { key: keyA, params: { id: String(id) } })).json.status).toBe(
      "delivery arrived",
    );
    advanceMove(getDb(), ops, id, { step: "delivery successful", odometer: 5011 });
    expect(
      (await call(getMove, { key: keyA, params: { id: String(id) } })).json.delivery_record.odometer,
    ).toBe(5011);
  });

  it("texts a concierge-only pickup about a car going to the service center, not to the customer", async () => {
    const res = await call(bookConcierge, {
      method: "POST",
      key: keyA,
      body: {
        ...seedRequest({ customer_phone: "804-555-0177", appointment_time_utc: future(18) }),
        loaner_move: undefined,
        delivery_location: seed.request.loaner_move.pickup_location,
      },
    });
    const id = res.json.customer_move.move_id as number;
    dispatchMove(getDb(), ops, id, { driver_name: "Dana Driver" });
    for (const step of STEPS) advanceMove(getDb(), ops, id, { step });
    const texts = getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.to, "+18045550177"))
      .all()
      .map((n) => n.body);
    expect(texts).toEqual([
      expect.stringMatching(
        /^Harry Stevens, Dana Driver is your driver for your vehicle pickup on .+ (EDT|EST)\./,
      ),
      "Dana Driver is on the way to pick up your vehicle.",
      "Your vehicle has arrived at the service center.",
    ]);
  });

  it("GET /v1/events?from= lists the events from that time on, oldest first", async () => {
    await post(seedRequest({ appointment_time_utc: future(19) }));
    const all = await sentEvents(keyA);
    expect(all.length).toBeGreaterThan(4);
    const times = all.map((e) => Date.parse(e.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const pivot = all[Math.floor(all.length / 2)];
    const from = await sentEvents(keyA, pivot.timestamp);
    expect(from.map((e) => e.id)).toEqual(all.filter((e) => e.timestamp >= pivot.timestamp).map((e) => e.id));
    expect(from[0].timestamp >= pivot.timestamp).toBe(true);
    const later = new Date(Date.parse(all.at(-1)!.timestamp) + 1000).toISOString();
    expect((await call(listEvents, { key: keyA, path: `/v1/events?from=${later}` })).json.data).toEqual([]);
    const bad = await call(listEvents, { key: keyA, path: "/v1/events?from=2031-02-31T00:00:00Z" });
    expect(bad.json.error).toMatchObject({ code: "field_invalid", param: "from" });
  });

  it("cancelation goes pending, then ops resolve it; a canceled move cannot change", async () => {
    const b = await post(seedRequest({ appointment_time_utc: future(15) }));
    const id = b.json.customer_move.move_id;
    const res = await call(cancel, { method: "POST", key: keyA, body: { move_id: id } });
    expect(res.json).toEqual({ move_id: id, cancel_status: "pending" });
    expect((await call(cancel, { method: "POST", key: keyA, body: { move_id: id } })).status).toBe(400);
    expect(
      (
        await call(PATCH, {
          method: "PATCH",
          key: keyA,
          params: { id: String(id) },
          body: { reference_num: "x" },
        })
      ).status,
    ).toBe(400);
    resolveCancelation(getDb(), ops, id, { outcome: "succeeded" });
    expect((await call(getMove, { key: keyA, params: { id: String(id) } })).json.cancel_status).toBe(
      "succeeded",
    );
  });

  it("books a concierge move (customer car only)", async () => {
    const res = await call(bookConcierge, {
      method: "POST",
      key: keyA,
      body: {
        ...seedRequest(),
        loaner_move: undefined,
        delivery_location: seed.request.loaner_move.pickup_location,
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.loaner_move).toBeUndefined();
    expect(res.json.customer_move.move_id).toEqual(expect.any(Number));
  });
});

describe("another dealer", () => {
  it("gets 404 on dealer A's moves, lanes and cancelations", async () => {
    const b = await post(seedRequest({ appointment_time_utc: future(16) }));
    const id = String(b.json.customer_move.move_id);
    const laneId = b.json.customer_move.lane_uri.split("/").pop();
    expect((await call(getMove, { key: keyB, params: { id } })).status).toBe(404);
    expect(
      (await call(PATCH, { method: "PATCH", key: keyB, params: { id }, body: { reference_num: "x" } }))
        .status,
    ).toBe(404);
    expect((await call(cancel, { method: "POST", key: keyB, body: { move_id: Number(id) } })).status).toBe(
      404,
    );
    expect((await call(getLane, { key: keyB, params: { id: laneId } })).status).toBe(404);
    expect((await call(listEvents, { key: keyB })).json.data).toHaveLength(0);
  });
});
