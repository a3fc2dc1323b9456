import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { future, seedRequest } from "@/lib/moves/fixtures/requests";
import { movesTestEnv } from "@/lib/moves/fixtures/test-env";
import { requestBookingCancelation, resolveCancelation } from "@/lib/moves/service";
import { call } from "@/lib/testing/harness";
import { POST as book } from "../concierge-loaner-moves/route";
import { GET as getMove, PATCH } from "../moves/[id]/route";
import { POST as cancel } from "./route";

const t = movesTestEnv();

const booking = async (days: number, phone = "804-555-0150") =>
  (
    await call(book, {
      method: "POST",
      key: t.key,
      body: seedRequest({ appointment_time_utc: future(days), customer_phone: phone }),
    })
  ).json;
const request = (body: unknown, k = t.key) => call(cancel, { method: "POST", key: k, body });
const status = async (id: number) =>
  (await call(getMove, { key: t.key, params: { id: String(id) } })).json.cancel_status;
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
};

describe("POST /v1/cancelation", () => {
  it("validates move_id: missing is field_missing, not a NaN message", async () => {
    const missing = await request({});
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({ code: "field_missing", param: "move_id" });
    expect(missing.json.error.message).not.toMatch(/NaN/);
    for (const move_id of ["abc", -1, 1.5, null, {}]) {
      const res = await request({ move_id });
      expect(res.status, String(move_id)).toBe(400);
      expect(res.json.error, String(move_id)).toMatchObject({ code: "field_invalid", param: "move_id" });
    }
    expect((await request({ move_id: 999_999 })).status).toBe(404);
  });

  it("accepts a digit string from a form as the integer id", async () => {
    const b = await booking(3);
    const res = await request({ move_id: String(b.customer_move.move_id) });
    expect(res.json).toEqual({ move_id: b.customer_move.move_id, cancel_status: "pending" });
  });

  it("resolves to partial (canceled, texted) or failed (the move goes ahead and can be canceled again)", async () => {
    const b = await booking(4, "804-555-0151");
    const [partial, failed] = [b.loaner_move.move_id, b.customer_move.move_id];
    await request({ move_id: partial });
    await request({ move_id: failed });
    expect(resolveCancelation(getDb(), t.ops, partial, { outcome: "partial" }).cancel_status).toBe("partial");
    expect(resolveCancelation(getDb(), t.ops, failed, { outcome: "failed" }).cancel_status).toBe("failed");
    expect(await status(partial)).toBe("partial");
    expect(await status(failed)).toBe("failed");
    // A failed cancelation leaves the move open: it can change and be canceled again.
    expect(
      (
        await call(PATCH, {
          method: "PATCH",
          key: t.key,
          params: { id: String(failed) },
          body: { reference_num: "again" },
        })
      ).status,
    ).toBe(200);
    expect((await request({ move_id: failed })).json.cancel_status).toBe("pending");
    const texts = getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.to, "+18045550151"))
      .all()
      .map((n) => n.body);
    expect(texts).toEqual([
      expect.stringMatching(/^Harry Stevens, your loaner delivery for .+ (EDT|EST) was canceled\.$/),
    ]);
  });

  it("resolving a move with no pending cancelation is a 409", async () => {
    const b = await booking(5);
    const id = b.customer_move.move_id;
    expect(thrown(() => resolveCancelation(getDb(), t.ops, id, { outcome: "succeeded" }))).toMatchObject({
      status: 409,
      code: "move_invalid",
    });
    await request({ move_id: id });
    resolveCancelation(getDb(), t.ops, id, { outcome: "succeeded" });
    expect(thrown(() => resolveCancelation(getDb(), t.ops, id, { outcome: "partial" }))).toMatchObject({
      status: 409,
    });
    expect(thrown(() => resolveCancelation(getDb(), t.ops, id, { outcome: "maybe" }))).toMatchObject({
      status: 400,
      param: "outcome",
    });
  });

  it("another dealer gets 404", async () => {
    const b = await booking(6);
    expect((await request({ move_id: b.customer_move.move_id }, t.keyB)).status).toBe(404);
  });
});

describe("canceling a whole booking", () => {
  it("requests cancelation on every leg that can still be canceled", async () => {
    const b = await booking(7);
    const [first, second] = [b.loaner_move.move_id, b.customer_move.move_id];
    await request({ move_id: second });
    const res = requestBookingCancelation(getDb(), t.staff, first);
    expect(res).toEqual({ moves: [{ move_id: first, cancel_status: "pending" }] });
    expect(await status(first)).toBe("pending");
    expect(thrown(() => requestBookingCancelation(getDb(), t.staff, second))).toMatchObject({
      status: 400,
      code: "move_invalid",
    });
    expect(thrown(() => requestBookingCancelation(getDb(), t.staffB, first))).toMatchObject({ status: 404 });
  });

  it("cancels both legs of an untouched booking", async () => {
    const b = await booking(8);
    const res = requestBookingCancelation(getDb(), t.staff, b.customer_move.move_id);
    expect(res.moves.map((m) => m.move_id)).toEqual([b.loaner_move.move_id, b.customer_move.move_id]);
  });
});
