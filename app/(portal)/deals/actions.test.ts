import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import type { UserActor } from "@/lib/platform/actor";
import { type FormState, idleState } from "@/lib/platform/form-state";
import type { DealDto } from "@/lib/service-orders/deals";
import { dealInvoice } from "@/lib/service-orders/queries";
import { createDirectOrder } from "@/lib/service-orders/service";
import { makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { signInAs } from "@/lib/testing/signed-in";

vi.mock("@/lib/platform/auth/current", () => import("@/lib/testing/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { createDealAction, attachToDealAction } = await import("./actions");

const VIN = "1HGCM82633A004352";
let env: ReturnType<typeof useTempDatabase>;
let staffA: UserActor;
let staffB: UserActor;

beforeAll(async () => {
  env = useTempDatabase();
  staffA = (await makeUser(makeDealer("alpha").id, "staff")).actor;
  staffB = (await makeUser(makeDealer("beta").id, "staff")).actor;
});
afterAll(() => env.cleanup());

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const idle = idleState as FormState<DealDto>;
const blankDeal = { name: "", email: "", phone: "", vin: "", year: "", make: "", model: "", stock: "" };

describe("createDealAction", () => {
  it("maps flat fields, omits blank optional ones and parses the year", async () => {
    signInAs(staffA);
    const res = await createDealAction(
      idle,
      form({ ...blankDeal, name: " Pat Buyer ", year: "2022", make: "Honda", model: "Accord" }),
    );
    expect(res.status).toBe("ok");
    expect(res.data?.customer).toEqual({ name: "Pat Buyer", email: null, phone: null });
    expect(res.data?.vehicle).toEqual({ year: 2022, make: "Honda", model: "Accord" });

    const bare = await createDealAction(idle, form({ ...blankDeal, name: "No Car" }));
    expect(bare.data?.vehicle).toBeNull();
  });

  it("shows readable field errors and keeps what was typed", async () => {
    signInAs(staffA);
    const res = await createDealAction(
      idle,
      form({ ...blankDeal, email: "not-an-email", year: "19x9", make: "Honda" }),
    );
    expect(res.status).toBe("error");
    expect(res.fieldErrors).toMatchObject({
      "customer.name": "Enter the customer's name.",
      "customer.email": "Enter a valid email address.",
      "vehicle.year": expect.stringMatching(/^Enter a model year between 1950 and \d{4}\.$/),
    });
    expect(res.message).toBe("Enter the customer's name.");
    expect(res.values).toMatchObject({ email: "not-an-email", year: "19x9", make: "Honda" });
  });
});

describe("createDealAction attaching at creation", () => {
  it("attaches the orders typed in, and explains one already on another deal next to its field", async () => {
    signInAs(staffA);
    const order = createDirectOrder(getDb(), staffA, { type: "reconditioning", vin: VIN, items: ["glass"] });
    const res = await createDealAction(
      idle,
      form({ ...blankDeal, name: "With Orders", quotes: "", orders: ` ${order.id} ` }),
    );
    expect(res.status).toBe("ok");
    expect(dealInvoice(getDb(), staffA, res.data!.id).lines.map((l) => l.order)).toEqual([order.id]);

    const again = await createDealAction(idle, form({ ...blankDeal, name: "Second", orders: order.id }));
    expect(again.status).toBe("error");
    expect(again.fieldErrors?.orders).toMatch(/is already on deal deal_/);
    expect(again.values).toMatchObject({ name: "Second", orders: order.id });
  });
});

describe("attachToDealAction", () => {
  it("attaches an order, which rolls into the deal's total", async () => {
    signInAs(staffA);
    const deal = (await createDealAction(idle, form({ ...blankDeal, name: "Roll Up" }))).data!;
    const order = createDirectOrder(getDb(), staffA, {
      type: "reconditioning",
      vin: VIN,
      items: ["body-and-paint"],
    });
    const res = await attachToDealAction(idle, form({ dealId: deal.id, quotes: "", orders: order.id }));
    expect(res.status).toBe("ok");
    const invoice = dealInvoice(getDb(), staffA, deal.id);
    expect(invoice.lines.map((l) => l.order)).toEqual([order.id]);
    expect(invoice.total).toBe(order.total);
  });

  it("explains unknown ids and an empty form next to the fields", async () => {
    signInAs(staffA);
    const deal = (await createDealAction(idle, form({ ...blankDeal, name: "Errors" }))).data!;
    const missing = await attachToDealAction(
      idle,
      form({ dealId: deal.id, quotes: "", orders: "order_nope" }),
    );
    expect(missing.fieldErrors?.orders).toBe("No such order: order_nope.");
    expect(missing.values?.orders).toBe("order_nope");

    const empty = await attachToDealAction(idle, form({ dealId: deal.id, quotes: " ", orders: "" }));
    expect(empty.fieldErrors?.quotes).toBe("Enter a quote ID or an order ID to attach.");
  });

  it("dealer B gets 'not found' for dealer A's deal and dealer A's order", async () => {
    signInAs(staffA);
    const dealA = (await createDealAction(idle, form({ ...blankDeal, name: "Alpha" }))).data!;
    const orderA = createDirectOrder(getDb(), staffA, { type: "reconditioning", vin: VIN, items: ["tires"] });

    signInAs(staffB);
    const dealB = (await createDealAction(idle, form({ ...blankDeal, name: "Beta" }))).data!;
    const onA = await attachToDealAction(idle, form({ dealId: dealA.id, orders: orderA.id }));
    expect(onA.status).toBe("error");
    expect(onA.message).toMatch(/^No such /);
    const stealOrder = await attachToDealAction(idle, form({ dealId: dealB.id, orders: orderA.id }));
    expect(stealOrder.fieldErrors?.orders).toBe(`No such order: ${orderA.id}.`);
    expect(dealInvoice(getDb(), staffA, dealA.id).lines).toEqual([]);
  });
});
