import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import type { UserActor } from "@/lib/platform/actor";
import { idleState } from "@/lib/platform/form-state";
import { createApiKey } from "@/lib/platform/identity/api-keys";
import { createEndpoint, sendTestEvent } from "@/lib/platform/webhooks/service";
import { makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { signInAs } from "@/lib/testing/signed-in";

// The server actions authenticate through the session; here the session belongs to dealer B's admin.
vi.mock("@/lib/platform/auth/current", () => import("@/lib/testing/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const {
  updateEndpointAction,
  sendTestEventAction,
  rotateSecretAction,
  resendDeliveryAction,
  deleteEndpointAction,
} = await import("./webhooks/actions");
const { revokeApiKeyAction, setUserDisabledAction } = await import("./settings/actions");
const {
  cancelMoveAction,
  cancelBookingAction,
  patchMoveAction,
  assignLoanerAction,
  setLoanerStatusAction,
  markLoanerReturnedAction,
} = await import("./moves/actions");
const { placePartsOrderAction, partsLineAction } = await import("./parts/actions");
const { payOnAccountAction, updateOrderAction, buyQuoteFromCandidateAction, createOrderAction } =
  await import("./service-orders/actions");
const { attachToDealAction } = await import("./deals/actions");

let env: ReturnType<typeof useTempDatabase>;
let adminA: UserActor;
let adminB: UserActor;
let staffA: { user: { id: string } };

beforeAll(async () => {
  env = useTempDatabase();
  process.env.WEBHOOKS_ALLOW_INSECURE_LOCALHOST = "1";
  adminA = (await makeUser(makeDealer("alpha").id, "admin")).actor;
  adminB = (await makeUser(makeDealer("beta").id, "admin")).actor;
  staffA = await makeUser(adminA.dealerId, "staff");
});
afterAll(() => env.cleanup());

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("moves actions scope every id to the signed-in dealer", () => {
  it("dealer B's admin gets 'not found' on dealer A's move", async () => {
    const { bookConciergeLoaner, createLoaner } = await import("@/lib/moves/service");
    const seed = (await import("@/lib/moves/fixtures/seed-002.json")).default;
    const booked = bookConciergeLoaner(getDb(), adminA, {
      ...seed.request,
      appointment_time_utc: new Date(Date.now() + 5 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    });
    const loanerA = createLoaner(getDb(), adminA, { stock: "A-1", make: "Kia", model: "Rio" });
    const loanerB = createLoaner(getDb(), adminB, { stock: "B-1", make: "Kia", model: "Rio" });
    const moveId = String(booked.loaner_move?.move_id);
    signInAs(adminB);
    const results = [
      await cancelMoveAction(idleState, form({ moveId })),
      await cancelBookingAction(idleState, form({ moveId })),
      await patchMoveAction(idleState, form({ moveId, reference_num: "x" })),
      await assignLoanerAction(idleState, form({ moveId, loaner_id: loanerB.id })),
      await setLoanerStatusAction(idleState, form({ loanerId: loanerA.id, status: "out_of_service" })),
      await markLoanerReturnedAction(idleState, form({ loanerId: loanerA.id })),
    ];
    for (const r of results) {
      expect(r.status).toBe("error");
      expect(r.message).toMatch(/^No such /);
    }
  });
});

describe("server actions scope every id to the signed-in dealer", () => {
  it("dealer B's admin gets 'not found' on dealer A's endpoint, delivery, API key and user", async () => {
    const endpoint = await createEndpoint(getDb(), adminA, { url: "http://127.0.0.1:9/a", events: ["*"] });
    sendTestEvent(getDb(), adminA, endpoint.id);
    const delivery = getDb().select().from(webhookDeliveries).get()!;
    const key = createApiKey(getDb(), adminA, { name: "A's key", scopes: ["*"] });

    signInAs(adminB);
    const results = [
      await updateEndpointAction(
        idleState,
        form({ id: endpoint.id, url: "http://127.0.0.1:9/b", events: "*" }),
      ),
      await sendTestEventAction(idleState, form({ id: endpoint.id })),
      await rotateSecretAction(idleState, form({ id: endpoint.id })),
      await resendDeliveryAction(idleState, form({ deliveryId: delivery.id })),
      await deleteEndpointAction(idleState, form({ id: endpoint.id })),
      await revokeApiKeyAction(idleState, form({ keyId: key.apiKey.id })),
      await setUserDisabledAction(idleState, form({ userId: staffA.user.id, disabled: "true" })),
    ];
    for (const r of results) {
      expect(r.status).toBe("error");
      expect(r.message).toMatch(/^No such /);
    }

    // Nothing changed for dealer A.
    signInAs(adminA);
    const ok = await sendTestEventAction(idleState, form({ id: endpoint.id }));
    expect(ok.status).toBe("ok");
  });

  it("keeps what was typed when validation fails", async () => {
    signInAs(adminA);
    const endpoint = await createEndpoint(getDb(), adminA, { url: "http://127.0.0.1:9/c", events: ["*"] });
    const r = await updateEndpointAction(
      idleState,
      form({ id: endpoint.id, url: "ftp://nope", events: "service.*", description: "typed" }),
    );
    expect(r.status).toBe("error");
    expect(r.fieldErrors?.url).toMatch(/https/);
    expect(r.values).toMatchObject({ url: "ftp://nope", events: "service.*", description: "typed" });
  });
});

describe("parts actions scope every id to the signed-in dealer", () => {
  it("dealer B's admin gets 'not found' on dealer A's order, line, account and parts", async () => {
    const { seedPartsFor, contact } = await import("@/lib/testing/parts-fixtures");
    const { placeOrder } = await import("@/lib/parts/service");
    const a = seedPartsFor(getDb(), adminA.dealerId!, { count: 30 });
    seedPartsFor(getDb(), adminB.dealerId!, { count: 30 });
    const order = placeOrder(getDb(), adminA, {
      customerId: a.customer.id,
      orderType: "STK",
      orderContact: contact,
      parts: [{ part: { partId: a.partId("FL-500S") }, quantity: 1 }],
    });
    const lineId = order.lines[0].orderLineId;
    signInAs(adminB);
    const results = [
      await partsLineAction(idleState, form({ orderId: order.partsOrderId, lineId, action: "pick" })),
      await partsLineAction(idleState, form({ orderId: order.partsOrderId, lineId, action: "cancel" })),
      await placePartsOrderAction(
        idleState,
        form({
          customerId: a.customer.id,
          orderType: "STK",
          "orderContact.name": "X",
          "orderContact.phone": "+1 804 555 0100",
          "orderContact.email": "x@y.test",
          lines: JSON.stringify([{ partId: a.partId("FL-500S"), quantity: 1 }]),
        }),
      ),
    ];
    for (const r of results) {
      expect(r.status).toBe("error");
      expect(r.message).toMatch(/^No such /);
    }
    // Nothing moved for dealer A.
    expect(a.stock("FL-500S").reserved).toBe(1);
  });

  it("maps the order's field errors to the review form and keeps what was typed", async () => {
    const { addAccount } = await import("@/lib/testing/parts-fixtures");
    const account = addAccount(getDb(), adminA.dealerId!, { orderReferenceRequired: true });
    const partId = (
      getDb()
        .$client.prepare("select id from parts where dealer_id = ? and part_code = 'FL3Z-12A650-BXA'")
        .get(adminA.dealerId) as { id: string }
    ).id;
    signInAs(adminA);
    const r = await placePartsOrderAction(
      idleState,
      form({
        customerId: account.id,
        orderType: "STK",
        "orderContact.name": "Typed Name",
        "orderContact.phone": "+1 804 555 0100",
        "orderContact.email": "typed@garage.test",
        lines: JSON.stringify([{ partId, quantity: 1 }]),
      }),
    );
    expect(r.status).toBe("error");
    expect(r.fieldErrors?.orderReference).toMatch(/requires an order reference/);
    expect(r.values?.["orderContact.name"]).toBe("Typed Name");
    const vin = await placePartsOrderAction(
      idleState,
      form({
        customerId: account.id,
        orderType: "STK",
        orderReference: "PO-1",
        "orderContact.name": "Typed Name",
        "orderContact.phone": "+1 804 555 0100",
        "orderContact.email": "typed@garage.test",
        lines: JSON.stringify([{ partId, quantity: 1 }]),
        "parts.0.vin": "1HGCM82633A004353",
      }),
    );
    expect(vin.fieldErrors?.["parts.0.vin"]).toMatch(/check digit/);
  });
});

describe("service order and deal actions scope every id to the signed-in dealer", () => {
  it("dealer B's admin gets 'not found' on dealer A's quote, order, candidate and deal, and nothing changes", async () => {
    const so = await import("@/lib/service-orders/service");
    const { createDeal } = await import("@/lib/service-orders/deals");
    const ops = (await makeUser(null, "ops")).actor;
    const db = getDb();
    const quoteA = so.createQuote(db, adminA, {
      type: "reconditioning",
      vin: "1HGCM82633A004352",
      items: ["wash-and-detail"],
    });
    const search = so.createQuote(db, adminA, {
      type: "concierge",
      services: ["search"],
      search: { firstName: "Ana", lastName: "Diaz", email: "ana@example.test", zipcode: "23220" },
    });
    const searchOrder = so.payQuoteOnAccount(db, adminA, search.id, { method: "account" }).order;
    const candidate = so.addCandidate(db, ops, searchOrder.id, {
      vin: "5YJ3E1EA2KF317000",
      year: 2019,
      make: "Tesla",
      model: "Model 3",
      mileage: 42000,
      price: 28500,
      location: "Norfolk, VA",
    });
    const dealA = createDeal(db, adminA, { customer: { name: "Ana Diaz" } });
    const dealB = createDeal(db, adminB, { customer: { name: "Bo Li" } });

    signInAs(adminB);
    const idleDealState = idleState as Parameters<typeof attachToDealAction>[0];
    const results = [
      await payOnAccountAction(idleState, form({ quoteId: quoteA.id })),
      await updateOrderAction(idleState, form({ orderId: searchOrder.id, status: "in-progress" })),
      await buyQuoteFromCandidateAction(
        idleState,
        form({
          candidateId: candidate.id,
          "deliveryAddress.street": "9 Oak Ave",
          "deliveryAddress.city": "Richmond",
          "deliveryAddress.state": "VA",
          "deliveryAddress.zip": "23220",
        }),
      ),
      await attachToDealAction(idleDealState, form({ dealId: dealA.id, quotes: quoteA.id })),
      await attachToDealAction(idleDealState, form({ dealId: dealB.id, quotes: quoteA.id })),
      await createOrderAction(
        idleState,
        form({ vin: "1HGCM82633A004352", items: "wash-and-detail", deal: dealA.id }),
      ),
    ];
    for (const r of results) {
      expect(r.status).toBe("error");
      expect(r.message).toMatch(/^No such /);
    }
    const { getOrder, getQuote } = await import("@/lib/service-orders/queries");
    expect(getQuote(db, adminA, quoteA.id).status).toBe(quoteA.status);
    expect(getOrder(db, adminA, searchOrder.id).status).toBe("pending");
  });
});
