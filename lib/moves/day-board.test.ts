import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as book } from "@/app/api/v1/concierge-loaner-moves/route";
import { getDb } from "@/db/client";
import type { UserActor } from "@/lib/platform/actor";
import { insertDealer } from "@/lib/platform/identity/dealers";
import { writerReady } from "@/lib/platform/writer/writer";
import { addDays, fromLocalInput } from "@/lib/platform/zoned-time";
import { call, makeApiKey, makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { future, seedRequest } from "./fixtures/requests";
import { boardTimeZone, listBookingsForDay } from "./queries";
import { isoSeconds } from "./serialize";

let env: ReturnType<typeof useTempDatabase>;
let eastKey: string;
let westKey: string;
let eastStaff: UserActor;
let ops: UserActor;

beforeAll(async () => {
  env = useTempDatabase();
  const east = makeDealer("east");
  const west = insertDealer(getDb(), {
    slug: "west",
    name: "West Motors",
    city: "Los Angeles",
    state: "CA",
    timeZone: "America/Los_Angeles",
  });
  eastKey = makeApiKey(east.id);
  westKey = makeApiKey(west.id);
  eastStaff = (await makeUser(east.id, "staff")).actor;
  ops = (await makeUser(null, "ops")).actor;
  expect(await writerReady()).toBe(true);
});
afterAll(() => env.cleanup());

const day = future(10).slice(0, 10);
/** Books at a wall-clock time of the dealer's zone. */
async function bookAt(key: string, local: string, tz: string, name: string) {
  const at = isoSeconds(fromLocalInput(local, tz)!)!;
  const res = await call(book, {
    method: "POST",
    key,
    body: seedRequest({ appointment_time_utc: at, customer_name: name }),
  });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json;
}

describe("day boards follow the dealer's clock", () => {
  it("an evening appointment in New York is on that New York day, not the next UTC day", async () => {
    await bookAt(eastKey, `${day}T20:30`, "America/New_York", "Evening East");
    await bookAt(eastKey, `${day}T00:15`, "America/New_York", "Early East");
    const names = (d: string) => listBookingsForDay(getDb(), eastStaff, d).map((b) => b.customerName);
    expect(names(day)).toEqual(["Early East", "Evening East"]);
    expect(names(addDays(day, 1))).toEqual([]);
    expect(names(addDays(day, -1))).toEqual([]);
  });

  it("ops see each dealer's bookings on that dealer's own day, with its zone", async () => {
    await bookAt(westKey, `${day}T22:00`, "America/Los_Angeles", "Late West");
    const board = listBookingsForDay(getDb(), ops, day);
    expect(board.map((b) => [b.customerName, b.timeZone])).toEqual([
      ["Early East", "America/New_York"],
      ["Evening East", "America/New_York"],
      ["Late West", "America/Los_Angeles"],
    ]);
    expect(listBookingsForDay(getDb(), ops, addDays(day, 1))).toEqual([]);
    // Two dealers here share no zone majority; ties go to the first name, so "today" is stable.
    expect(boardTimeZone(getDb())).toBe("America/Los_Angeles");
  });
});
