import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import seed from "@/lib/moves/fixtures/seed-002.json";
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

const future = (days = 3, hour = "14:00:00") =>
  `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${hour}Z`;
const seedRequest = (over: Record<string, unknown> = {}) => ({
  ...structuredClone(seed.request),
  appointment_time_utc: future(),
  ...over,
});
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
    const rc = await call(getMove, { key: keyA, params: { id: String(ret.json.customer_move.move_id) } });
    const rl = await call(getMove, { key: keyA, params: { id: String(ret.json.loaner_move.move_id) } });
    expect(rc.json.pickup_location.name).toBe("Denny's Automobiles");
    expect(rc.json.delivery_location.name).toBe(rl.json.pickup_location.name);
    expect(rl.json.delivery_location.name).toBe(rc.json.pickup_location.name);
    expect(rc.json.move_id).toBeLessThan(rl.json.move_id);
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
    ];
    const before = (await call(listEvents, { key: keyA, path: "/v1/events?limit=100" })).json.data.length;
    for (const [body, code, param] of cases) {
      const res = await post(body);
      expect(res.status, param).toBe(400);
      expect(res.json.error, param).toMatchObject({ code, param });
    }
    expect((await call(listEvents, { key: keyA, path: "/v1/events?limit=100" })).json.data.length).toBe(
      before,
    );
  });

  it("accepts a booking without loaner vehicle details", async () => {
    const res = await post(seedRequest({ loaner_move: { ...seed.request.loaner_move, vehicle: undefined } }));
    expect(res.status).toBe(200);
    expect(res.json.loaner_move.vehicle).toEqual({
      stock: null,
      vin: null,
      year: null,
      make: null,
      model: null,
      color: null,
      manual: false,
    });
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
    expect(dup.json.error).toMatchObject({ code: "move_duplication", param: "duplicate_check" });

    const byRef = (ref: string) =>
      seedRequest({
        duplicate_check: "reference_num",
        customer_move: { ...seed.request.customer_move, reference_id: ref },
      });
    expect((await post(byRef("RO# DUP-1"))).status).toBe(200);
    expect((await post(byRef("RO# DUP-2"))).status).toBe(200);
    expect((await post(byRef("RO# DUP-1"))).json.error.code).toBe("move_duplication");
  });

  it("refuses to double-book a fleet loaner (409)", async () => {
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
    const overlap = await post({ ...body, appointment_time_utc: future(11, "15:00:00") });
    expect(overlap.status).toBe(409);
    expect(overlap.json.error.code).toBe("loaner_unavailable");
    expect((await post({ ...body, appointment_time_utc: future(12) })).status).toBe(200);
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
    for (const step of [
      "pickup started",
      "pickup arrived",
      "pickup successful",
      "delivery started",
      "delivery arrived",
      "delivery successful",
    ]) {
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
    const sms = getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.channel, "sms"))
      .all()
      .filter((n) => n.to === "+18888888888");
    expect(sms.map((s) => s.body).join("\n")).toMatch(
      /Dana Driver is your driver[\s\S]*on the way[\s\S]*delivered/,
    );
    const ev = await call(listEvents, { key: keyA, path: "/v1/events?limit=100" });
    const names = ev.json.data
      .filter((e: { data: { move_id: number } }) => e.data.move_id === first)
      .map((e: { event: string }) => e.event);
    expect(names).toEqual([
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
