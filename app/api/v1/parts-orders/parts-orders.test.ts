import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, timelineEntries } from "@/db/schema";
import { updateOrderLine } from "@/lib/parts/service";
import type { UserActor } from "@/lib/platform/actor";
import { call, makeApiKey, makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { addAccount, contact, seedPartsFor } from "@/lib/testing/parts-fixtures";
import { PATCH as patchLine } from "./[id]/lines/[lineId]/route";
import { GET as getOrder } from "./[id]/route";
import { GET as listOrders, POST as placeOrder } from "./route";

let env: ReturnType<typeof useTempDatabase>;
let keyA: string;
let keyB: string;
let a: ReturnType<typeof seedPartsFor>;
let b: ReturnType<typeof seedPartsFor>;
let ops: UserActor;

beforeAll(async () => {
  env = useTempDatabase();
  const alpha = makeDealer("alpha");
  const beta = makeDealer("beta");
  a = seedPartsFor(getDb(), alpha.id, { count: 200 });
  b = seedPartsFor(getDb(), beta.id, { count: 50 });
  keyA = makeApiKey(alpha.id);
  keyB = makeApiKey(beta.id);
  ops = (await makeUser(null, "ops")).actor;
});
afterAll(() => env.cleanup());

const order = (over: Record<string, unknown> = {}) => ({
  customerId: a.customer.id,
  orderType: "STK",
  orderReference: "WO-1001",
  orderContact: contact,
  parts: [{ part: { partId: a.partId("FL-500S") }, quantity: 2 }],
  ...over,
});
const place = (body: unknown, key = keyA, headers?: Record<string, string>) =>
  call(placeOrder, { method: "POST", key, body, headers });
const patch = (orderId: string, lineId: string, body: unknown, key = keyA) =>
  call(patchLine, { method: "PATCH", key, body, params: { id: orderId, lineId } });
const fetchOrder = (id: string, key = keyA) => call(getOrder, { key, params: { id } });

describe("POST /api/v1/parts-orders", () => {
  it("reserves what is on hand, back-orders the rest and follows supersession", async () => {
    a.setStock("BRF-1478", 1);
    const res = await place(
      order({
        parts: [
          { part: { partId: a.partId("FL-400S") }, quantity: 2 },
          { part: { partId: a.partId("BRF-1478") }, quantity: 3 },
        ],
      }),
    );
    expect(res.status).toBe(201);
    const o = res.json;
    expect(o.partsOrderId).toMatch(/^porder_/);
    expect(Date.parse(o.partsOrderDateTime)).toBeGreaterThan(0);
    expect(
      o.lines.map((l: { partCode: string; partsOrderLineStatus: string; quantity: number }) => [
        l.partCode,
        l.partsOrderLineStatus,
        l.quantity,
      ]),
    ).toEqual([
      ["FL-500S", "RESERVED", 2],
      ["BRF-1478", "RESERVED", 1],
      ["BRF-1478", "BACKORDER", 2],
    ]);
    // The old number was ordered as its replacement; the customer sees both.
    expect(o.lines[0]).toMatchObject({
      requestedPartCode: "FL-400S",
      orderLineId: expect.stringMatching(/^pline_/),
    });
    expect(o.lines[2].expectedDeliveryDate).toEqual(expect.any(String));
    expect(o.lines[2].suggestedAlternative).toMatchObject({ partCode: "17D1414CH" });
    expect(o.lines[0].orderPrice.netValue).toBe(10.39);
    expect(o.orderStatus).toBe("INPROGRESS");
    expect(a.stock("BRF-1478")).toEqual({ onHand: 1, reserved: 1 });
    expect(a.stock("FL-500S").reserved).toBe(2);
    const evt = getDb()
      .select()
      .from(events)
      .all()
      .find((e) => e.subjectId === o.partsOrderId);
    expect(evt?.type).toBe("parts_order.created");
    expect((evt!.payload as { data: { partsOrderId: string } }).data.partsOrderId).toBe(o.partsOrderId);
  });

  it("replays with the same Idempotency-Key instead of ordering twice", async () => {
    const headers = { "idempotency-key": "order-once" };
    const first = await place(order(), keyA, headers);
    const before = a.stock("FL-500S").reserved;
    const again = await place(order(), keyA, headers);
    expect(again.json.partsOrderId).toBe(first.json.partsOrderId);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(a.stock("FL-500S").reserved).toBe(before);
    expect((await place(order({ orderReference: "other" }), keyA, headers)).status).toBe(422);
  });

  it("checks the account's rules, VINs, blocks and stock, and changes nothing on failure", async () => {
    const strict = addAccount(getDb(), a.customer.dealerId, {
      allowedOrderTypes: ["VOR"],
      orderReferenceRequired: true,
    });
    a.setStock("SP-515", 2, { backOrderable: false });
    const before = { filter: a.stock("FL-500S"), plug: a.stock("SP-515") };
    const vinPart = { part: { partId: a.partId("FL3Z-12A650-BXA") }, quantity: 1 };
    const cases: [Record<string, unknown>, number, string, string][] = [
      [order({ customerId: strict.id, orderType: "STK" }), 400, "order_type_not_allowed", "orderType"],
      [
        order({ customerId: strict.id, orderType: "VOR", orderReference: undefined }),
        400,
        "field_missing",
        "orderReference",
      ],
      [order({ orderType: "XYZ" }), 400, "field_invalid", "orderType"],
      [order({ orderType: undefined }), 400, "field_missing", "orderType"],
      [order({ orderContact: { ...contact, email: "nope" } }), 400, "field_invalid", "orderContact.email"],
      [order({ orderContact: undefined }), 400, "field_missing", "orderContact"],
      [order({ parts: [vinPart] }), 400, "field_missing", "parts.0.mandatoryVehicleReferences"],
      [
        order({
          parts: [{ ...vinPart, mandatoryVehicleReferences: [{ type: "VIN", value: "1HGCM82633A004353" }] }],
        }),
        400,
        "field_invalid",
        "parts.0.mandatoryVehicleReferences.0.value",
      ],
      [
        order({ parts: [{ part: { partId: a.partId("04465-0E010") }, quantity: 1 }] }),
        400,
        "part_sales_blocked",
        "parts.0.part.partId",
      ],
      [
        order({
          parts: [
            { part: { partId: a.partId("FL-500S") }, quantity: 1 },
            { part: { partId: a.partId("SP-515") }, quantity: 3 },
          ],
        }),
        409,
        "insufficient_stock",
        "parts.1.quantity",
      ],
      [
        order({ parts: [{ part: { partId: b.partId("FL-500S") }, quantity: 1 }] }),
        404,
        "resource_missing",
        "parts.0.part.partId",
      ],
      [order({ customerId: b.customer.id }), 404, "resource_missing", "customerId"],
      [
        order({ parts: [{ part: { partId: a.partId("FL-500S") }, quantity: 0 }] }),
        400,
        "field_invalid",
        "parts.0.quantity",
      ],
    ];
    for (const [body, status, code, param] of cases) {
      const res = await place(body);
      expect(res.status, `${code} ${param}`).toBe(status);
      expect(res.json.error).toMatchObject({ code, param });
    }
    expect({ filter: a.stock("FL-500S"), plug: a.stock("SP-515") }).toEqual(before);
    // A valid VIN is accepted for a VIN-coded part.
    const ok = await place(
      order({
        parts: [{ ...vinPart, mandatoryVehicleReferences: [{ type: "VIN", value: "1HGCM82633A004352" }] }],
      }),
    );
    expect(ok.status).toBe(201);
    expect(ok.json.lines[0].mandatoryVehicleReferences).toEqual([
      { type: "VIN", value: "1HGCM82633A004352" },
    ]);
  });
});

describe("PATCH /api/v1/parts-orders/:id/lines/:lineId", () => {
  it("walks lines through pick, pack, ship, deliver, invoice with a derived order status, timeline and events", async () => {
    a.setStock("WW-2201", 10);
    const o = (
      await place(
        order({
          parts: [
            { part: { partId: a.partId("WW-2201") }, quantity: 2 },
            { part: { partId: a.partId("SP-515") }, quantity: 1 },
          ],
        }),
      )
    ).json;
    expect(o.orderStatus).toBe("CONFIRMED");
    const [wiper, plug] = o.lines;
    const step = async (line: { orderLineId: string }, action: string) => {
      const res = await patch(o.partsOrderId, line.orderLineId, { action });
      expect(res.status, action).toBe(200);
      return res.json;
    };
    expect((await step(wiper, "pick")).orderStatus).toBe("INPROGRESS");
    expect(a.stock("WW-2201")).toEqual({ onHand: 8, reserved: 0 });
    await step(wiper, "pack");
    expect((await step(wiper, "ship")).orderStatus).toBe("SHIPPED");
    expect((await step(wiper, "deliver")).lines[0].partsOrderLineStatus).toBe("DELIVERED");
    // Out of order: 409, nothing changes.
    const bad = await patch(o.partsOrderId, plug.orderLineId, { action: "ship" });
    expect(bad.status).toBe(409);
    expect(bad.json.error).toMatchObject({ code: "invalid_transition", param: "action" });
    for (const action of ["pick", "pack", "ship", "deliver"]) await step(plug, action);
    const invoiced = await step(wiper, "invoice");
    expect(invoiced.orderStatus).toBe("CLOSED");
    expect(invoiced.lines.map((l: { partsOrderLineStatus: string }) => l.partsOrderLineStatus)).toEqual([
      "INVOICED",
      "DELIVERED",
    ]);

    const full = (await fetchOrder(o.partsOrderId)).json;
    expect(full.history.length).toBe(1 + 5 + 4);
    expect(full.history.at(-1)).toMatchObject({
      from: "DELIVERED",
      status: "INVOICED",
      orderLineId: wiper.orderLineId,
    });
    const names = getDb()
      .select()
      .from(events)
      .all()
      .filter((e) => e.subjectId === o.partsOrderId)
      .map((e) => e.type);
    expect(names).toEqual(["parts_order.created", ...Array(9).fill("parts_order.updated")]);
  });

  it("cancelling releases a reservation; a cancelled picked line goes back on the shelf", async () => {
    a.setStock("PF63", 5);
    const o = (
      await place(
        order({
          parts: [
            { part: { partId: a.partId("PF63") }, quantity: 2 },
            { part: { partId: a.partId("PF63") }, quantity: 1 },
          ],
        }),
      )
    ).json;
    expect(a.stock("PF63")).toEqual({ onHand: 5, reserved: 3 });
    await patch(o.partsOrderId, o.lines[0].orderLineId, { action: "cancel" });
    expect(a.stock("PF63")).toEqual({ onHand: 5, reserved: 1 });
    await patch(o.partsOrderId, o.lines[1].orderLineId, { action: "pick" });
    expect(a.stock("PF63")).toEqual({ onHand: 4, reserved: 0 });
    const res = await patch(o.partsOrderId, o.lines[1].orderLineId, { action: "cancel" });
    expect(a.stock("PF63")).toEqual({ onHand: 5, reserved: 0 });
    expect(res.json.orderStatus).toBe("CLOSED");
    expect((await patch(o.partsOrderId, o.lines[1].orderLineId, { action: "cancel" })).status).toBe(409);
  });

  it("lets the customer accept the suggested alternative for a back-ordered line, and the counter receive stock", async () => {
    a.setStock("BRF-1478", 0);
    a.setStock("17D1414CH", 6);
    const o = (await place(order({ parts: [{ part: { partId: a.partId("BRF-1478") }, quantity: 2 }] }))).json;
    expect(o.lines[0]).toMatchObject({
      partsOrderLineStatus: "BACKORDER",
      suggestedAlternative: { partCode: "17D1414CH", availableStock: 6 },
    });
    const res = await patch(o.partsOrderId, o.lines[0].orderLineId, { action: "accept_alternative" });
    expect(res.status).toBe(200);
    expect(
      res.json.lines.map((l: { partCode: string; partsOrderLineStatus: string }) => [
        l.partCode,
        l.partsOrderLineStatus,
      ]),
    ).toEqual([
      ["BRF-1478", "CANCELLED"],
      ["17D1414CH", "RESERVED"],
    ]);
    expect(res.json.lines[1]).toMatchObject({
      replacesOrderLineId: o.lines[0].orderLineId,
      requestedPartCode: "BRF-1478",
    });
    expect(a.stock("17D1414CH").reserved).toBe(2);

    const second = (await place(order({ parts: [{ part: { partId: a.partId("BRF-1478") }, quantity: 1 }] })))
      .json;
    const wrong = await patch(second.partsOrderId, second.lines[0].orderLineId, {
      action: "accept_alternative",
      alternativePartId: a.partId("FL-500S"),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.param).toBe("alternativePartId");
    const received = await patch(second.partsOrderId, second.lines[0].orderLineId, { action: "receive" });
    expect(received.json.lines[0].partsOrderLineStatus).toBe("RESERVED");
    expect(a.stock("BRF-1478")).toEqual({ onHand: 1, reserved: 1 });
    expect(
      (await patch(second.partsOrderId, second.lines[0].orderLineId, { action: "accept_alternative" }))
        .status,
    ).toBe(409);
  });

  it("validates the action and 404s other dealers' orders and lines", async () => {
    const o = (await place(order())).json;
    const line = o.lines[0].orderLineId;
    expect((await patch(o.partsOrderId, line, { action: "teleport" })).json.error).toMatchObject({
      param: "action",
    });
    expect((await patch(o.partsOrderId, line, {})).json.error).toMatchObject({
      code: "field_missing",
      param: "action",
    });
    expect((await patch(o.partsOrderId, line, { action: "pick" }, keyB)).status).toBe(404);
    expect((await patch(o.partsOrderId, "pline_nope", { action: "pick" })).status).toBe(404);
    expect((await fetchOrder(o.partsOrderId, keyB)).status).toBe(404);
    // The counter team (ops) works every dealer's orders.
    expect(
      updateOrderLine(getDb(), ops, o.partsOrderId, line, { action: "pick" }).lines[0].partsOrderLineStatus,
    ).toBe("ISSUED");
    const entries = getDb()
      .select()
      .from(timelineEntries)
      .all()
      .filter((t) => t.subjectId === o.partsOrderId);
    expect(entries.at(-1)?.actorLabel).toBe(ops.label);
  });
});

describe("GET /api/v1/parts-orders", () => {
  it("lists newest first with filters and pagination, only the dealer's own", async () => {
    const mine = (await place(order({ orderReference: "FIND-ME-42" }))).json;
    const first = await call(listOrders, { key: keyA, path: "/api/v1/parts-orders?limit=2" });
    expect(first.status).toBe(200);
    expect(first.json.data[0].partsOrderId).toBe(mine.partsOrderId);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const next = await call(listOrders, {
      key: keyA,
      path: `/api/v1/parts-orders?limit=2&cursor=${first.json.nextCursor}`,
    });
    expect(next.json.data[0].partsOrderId).not.toBe(
      first.json.data[1].partsOrderId === next.json.data[0].partsOrderId,
    );
    const byRef = await call(listOrders, { key: keyA, path: "/api/v1/parts-orders?q=FIND-ME" });
    expect(byRef.json.data.map((o: { partsOrderId: string }) => o.partsOrderId)).toEqual([mine.partsOrderId]);
    const closed = await call(listOrders, {
      key: keyA,
      path: "/api/v1/parts-orders?orderStatus=CLOSED&limit=100",
    });
    expect(closed.json.data.length).toBeGreaterThan(0);
    for (const x of closed.json.data) expect(x.orderStatus).toBe("CLOSED");
    expect((await call(listOrders, { key: keyB, path: "/api/v1/parts-orders" })).json.data).toEqual([]);
    expect(
      (await call(listOrders, { key: keyA, path: "/api/v1/parts-orders?orderStatus=LOST" })).status,
    ).toBe(400);
  });
});
