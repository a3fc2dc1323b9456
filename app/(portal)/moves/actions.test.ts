import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { future } from "@/lib/moves/fixtures/requests";
import { getMove } from "@/lib/moves/service";
import type { UserActor } from "@/lib/platform/actor";
import { idleState } from "@/lib/platform/form-state";
import { fromLocalInput } from "@/lib/platform/zoned-time";
import { makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { signInAs } from "@/lib/testing/signed-in";

vi.mock("@/lib/platform/auth/current", () => import("@/lib/testing/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const redirects: string[] = [];
vi.mock("next/navigation", () => ({ redirect: (url: string) => redirects.push(url) }));

const { bookMoveAction, patchMoveAction } = await import("./actions");

let env: ReturnType<typeof useTempDatabase>;
let staff: UserActor;
beforeAll(async () => {
  env = useTempDatabase();
  staff = (await makeUser(makeDealer("alpha").id, "staff")).actor;
  signInAs(staff);
});
afterAll(() => env.cleanup());

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const day = future(9).slice(0, 10);
const bookingForm = (over: Record<string, string> = {}) =>
  form({
    customer_name: "Harry Stevens",
    customer_phone: "804-555-0142",
    appointment_local: `${day}T10:00`,
    customer_action: "pickup",
    "center.name": "Denny's Automobiles",
    "center.address_one": "11161 Research Plaza Way",
    "center.city": "Richmond",
    "center.state": "VA",
    "center.zip": "23236",
    "customer.address_one": "210 S Mulberry St",
    "customer.city": "Richmond",
    "customer.state": "VA",
    "customer.zip": "23220",
    "vehicle.make": "Buick",
    "vehicle.model": "Enclave",
    "vehicle.color": "white",
    "vehicle.stock": "BK0018",
    ...over,
  });

async function book(over: Record<string, string> = {}) {
  const before = redirects.length;
  const state = await bookMoveAction(idleState, bookingForm(over));
  return { state, moveId: redirects.length > before ? Number(redirects.at(-1)!.split("/").pop()) : null };
}

describe("booking form", () => {
  it("reads the appointment on the dealer's clock (New York), whatever the server's zone", async () => {
    const { moveId } = await book();
    const move = getMove(getDb(), staff, moveId!);
    expect(move.appointment_time_utc).toBe(
      fromLocalInput(`${day}T10:00`, "America/New_York")!.toISOString().replace(".000", ""),
    );
  });

  it("a failed submit keeps what was typed, the appointment included, with the error next to its field", async () => {
    const { state, moveId } = await book({ "customer.zip": "90210" });
    expect(moveId).toBeNull();
    expect(state.fieldErrors?.["customer.zip"]).toBe("ZIP code 90210 is in CA, not VA.");
    expect(state.values).toMatchObject({ appointment_local: `${day}T10:00`, "vehicle.make": "Buick" });
    const missing = await book({ appointment_local: "" });
    expect(missing.state.fieldErrors?.appointment_time_utc).toBe("This field is required.");
  });

  it("refuses a wall-clock time the clocks skip, next to the field", async () => {
    // The second Sunday of March, 02:30, does not happen in New York.
    const year = Number(day.slice(0, 4)) + 1;
    const march = new Date(Date.UTC(year, 2, 1));
    const sunday = 1 + ((7 - march.getUTCDay()) % 7) + 7;
    const { state } = await book({
      appointment_local: `${year}-03-${String(sunday).padStart(2, "0")}T02:30`,
    });
    expect(state.fieldErrors?.appointment_time_utc).toMatch(/exists on New York time/);
  });
});

describe("edit form", () => {
  it("clears emptied optional fields, reads ready_by on the dealer's clock, and keeps input on failure", async () => {
    const { moveId } = await book({ appointment_local: `${day}T11:00` });
    const fields = {
      moveId: String(moveId),
      "vehicle.stock": "",
      "vehicle.vin": "",
      "vehicle.year": "",
      "vehicle.make": "Buick",
      "vehicle.model": "Enclave",
      "vehicle.color": "",
      "vehicle.manual_shown": "1",
      "vehicle.manual": "on",
      reference_num: "",
      ready_by: `${day}T10:20`,
    };
    const ok = await patchMoveAction(idleState, form(fields));
    expect(ok.status, ok.message).toBe("ok");
    const move = getMove(getDb(), staff, moveId!);
    expect(move.vehicle).toMatchObject({ stock: null, color: null, manual: true, make: "Buick" });
    expect(move.ready_by_time_utc).toBe(
      fromLocalInput(`${day}T10:20`, "America/New_York")!.toISOString().replace(".000", ""),
    );
    const bad = await patchMoveAction(
      idleState,
      form({ ...fields, "vehicle.make": "", "vehicle.color": "red" }),
    );
    expect(bad.status).toBe("error");
    expect(bad.fieldErrors?.["vehicle.make"]).toBe("This field is required.");
    expect(bad.values).toMatchObject({ "vehicle.color": "red", ready_by: `${day}T10:20` });
    expect(getMove(getDb(), staff, moveId!).vehicle.color).toBeNull();
  });
});
