import { afterAll, beforeAll, describe, expect, it } from "vitest";
import seed from "@/lib/moves/fixtures/seed-002.json";
import { writerReady } from "@/lib/platform/writer/writer";
import { call, makeApiKey, makeDealer, useTempDatabase } from "@/lib/testing/harness";
import { POST as book } from "./concierge-loaner-moves/route";
import { GET as getLane } from "./lanes/[id]/route";
import { GET as getMove } from "./moves/[id]/route";

let env: ReturnType<typeof useTempDatabase>;
let keyA: string;
let keyB: string;

beforeAll(async () => {
  env = useTempDatabase();
  keyA = makeApiKey(makeDealer("alpha").id);
  keyB = makeApiKey(makeDealer("beta").id);
  // Writes go through the writer thread, as they do in the server.
  expect(await writerReady()).toBe(true);
});
afterAll(() => env.cleanup());

// The moves contract's paths (/v1/..., no /api) have their own route files; they must behave
// exactly like the /api/v1 routes, authorization and dealer scoping included.
describe("/v1 contract paths", () => {
  it("book at /v1/concierge-loaner-moves, read the move and its lane back; another dealer gets 404", async () => {
    const appointment = `${new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)}T14:00:00Z`;
    const booked = await call(book, {
      method: "POST",
      path: "/v1/concierge-loaner-moves",
      key: keyA,
      body: { ...structuredClone(seed.request), appointment_time_utc: appointment },
    });
    expect(booked.status).toBe(200);
    const moveId = String(booked.json.customer_move.move_id);
    expect(booked.json.customer_move.move_uri).toMatch(new RegExp(`/v1/moves/${moveId}$`));

    const read = await call(getMove, { path: `/v1/moves/${moveId}`, key: keyA, params: { id: moveId } });
    expect(read.status).toBe(200);
    expect(read.json.move_id).toBe(Number(moveId));

    const foreign = await call(getMove, { path: `/v1/moves/${moveId}`, key: keyB, params: { id: moveId } });
    expect(foreign.status).toBe(404);

    const laneId = String(booked.json.customer_move.lane_uri).split("/").at(-1)!;
    expect(
      (await call(getLane, { path: `/v1/lanes/${laneId}`, key: keyA, params: { id: laneId } })).status,
    ).toBe(200);
    expect(
      (await call(getLane, { path: `/v1/lanes/${laneId}`, key: keyB, params: { id: laneId } })).status,
    ).toBe(404);
    expect((await call(book, { method: "POST", body: {} })).status).toBe(401);
  });
});
