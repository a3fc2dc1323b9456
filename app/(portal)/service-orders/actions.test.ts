import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { payments, serviceOrders } from "@/db/schema";
import type { UserActor } from "@/lib/platform/actor";
import { type FormState, idleState } from "@/lib/platform/form-state";
import { getOrder, getQuote } from "@/lib/service-orders/queries";
import { createQuote, payQuoteOnAccount, updateOrder } from "@/lib/service-orders/service";
import { makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { signInAs } from "@/lib/testing/signed-in";

vi.mock("@/lib/platform/auth/current", () => import("@/lib/testing/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
/** A successful action redirects; the test reads where to. */
class Redirected extends Error {
  constructor(readonly to: string) {
    super(`redirect ${to}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
}));

const { createOrderAction, updateOrderAction, cancelQuoteAction, createQuoteAction } = await import(
  "./actions"
);

const VIN = "1HGCM82633A004352";
let env: ReturnType<typeof useTempDatabase>;
let staffA: UserActor;
let staffB: UserActor;
let ops: UserActor;

beforeAll(async () => {
  env = useTempDatabase();
  staffA = (await makeUser(makeDealer("alpha").id, "staff")).actor;
  staffB = (await makeUser(makeDealer("beta").id, "staff")).actor;
  ops = (await makeUser(null, "ops")).actor;
});
afterAll(() => env.cleanup());

const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) f.append(k, item);
  return f;
};
/** Runs an action that redirects on success; returns the redirect target or the error state. */
async function submit(
  action: (prev: FormState, f: FormData) => Promise<FormState>,
  fields: Record<string, string | string[]>,
): Promise<{ to?: string; state?: FormState }> {
  try {
    return { state: await action(idleState, form(fields)) };
  } catch (e) {
    if (e instanceof Redirected) return { to: e.to };
    throw e;
  }
}
const orderForm = (extra: Record<string, string | string[]> = {}) => ({
  vin: VIN,
  items: ["glass"],
  deal: "none",
  requestToken: "",
  ...extra,
});

describe("createOrderAction (Place order)", () => {
  it("asks for a deal explicitly: unanswered is a field message that keeps what was typed", async () => {
    signInAs(staffA);
    const { state } = await submit(createOrderAction, orderForm({ deal: "", stock: "STK-9" }));
    expect(state?.status).toBe("error");
    expect(state?.fieldErrors?.deal).toMatch(/Choose the deal/);
    expect(state?.values).toMatchObject({ vin: VIN, stock: "STK-9", items: "glass" });
    const { to } = await submit(createOrderAction, orderForm({ requestToken: "tok-no-deal" }));
    const order = getOrder(getDb(), staffA, to!.split("/").pop()!);
    expect(order.deal).toBeNull();
  });

  it("places one order per form render, however often it is submitted", async () => {
    signInAs(staffA);
    const fields = orderForm({ requestToken: "render-token-1" });
    const first = await submit(createOrderAction, fields);
    const again = await submit(createOrderAction, fields);
    expect(first.to).toMatch(/^\/service-orders\/order_/);
    expect(again.to).toBe(first.to);
    const rows = getDb()
      .select()
      .from(serviceOrders)
      .where(eq(serviceOrders.requestToken, "render-token-1"))
      .all();
    expect(rows).toHaveLength(1);
    expect(getDb().select().from(payments).where(eq(payments.id, rows[0].paymentId!)).all()).toHaveLength(1);
    const fresh = await submit(createOrderAction, orderForm({ requestToken: "render-token-2" }));
    expect(fresh.to).not.toBe(first.to);
  });

  it("a token is per dealer: another dealer's token never returns this dealer's order", async () => {
    signInAs(staffA);
    const a = await submit(createOrderAction, orderForm({ requestToken: "shared-token" }));
    signInAs(staffB);
    const b = await submit(createOrderAction, orderForm({ requestToken: "shared-token" }));
    expect(b.to).toMatch(/^\/service-orders\/order_/);
    expect(b.to).not.toBe(a.to);
  });
});

describe("updateOrderAction (ops form)", () => {
  const placed = () => {
    const q = createQuote(getDb(), staffA, { type: "reconditioning", vin: VIN, items: ["brakes"] });
    const { order } = payQuoteOnAccount(getDb(), staffA, q.id, { method: "account" });
    updateOrder(getDb(), ops, order.id, { status: "in-progress" });
    return order.id;
  };

  it("reads the new estimate as the dealer's wall time, whatever the viewer's zone", async () => {
    signInAs(ops);
    const id = placed();
    const state = await updateOrderAction(
      idleState,
      form({
        orderId: id,
        status: "delayed",
        note: "Waiting for pads",
        estimatedLocal: "2030-01-15T10:00",
        // Whatever a form claims, the wall time is read on the order's dealer's clock (New York).
        timeZone: "Asia/Tokyo",
      }),
    );
    expect(state.status).toBe("ok");
    expect(getOrder(getDb(), ops, id).estimatedTime).toBe("2030-01-15T15:00:00.000Z");
  });

  it("refuses an estimate in the past, or none, next to the field, and keeps the reason typed", async () => {
    signInAs(ops);
    const id = placed();
    for (const estimatedLocal of ["2020-01-15T10:00", ""]) {
      const state = await updateOrderAction(
        idleState,
        form({ orderId: id, status: "delayed", note: "Parts", estimatedLocal }),
      );
      expect(state.status, estimatedLocal).toBe("error");
      expect(state.fieldErrors?.estimatedTime, estimatedLocal).toBeTruthy();
      expect(state.values?.note).toBe("Parts");
    }
    expect(getOrder(getDb(), ops, id).status).toBe("in-progress");
  });
});

describe("cancelQuoteAction", () => {
  it("cancels the dealer's own quote; another dealer gets 'not found' and nothing changes", async () => {
    const mine = createQuote(getDb(), staffA, { type: "reconditioning", vin: VIN, items: ["glass"] });
    signInAs(staffB);
    const other = await cancelQuoteAction(idleState, form({ quoteId: mine.id, reason: "" }));
    expect(other.status).toBe("error");
    expect(other.message).toMatch(/^No such quote/);
    expect(getQuote(getDb(), staffA, mine.id).status).toBe("awaiting-payment");
    signInAs(staffA);
    const res = await cancelQuoteAction(idleState, form({ quoteId: mine.id, reason: "Sold as is" }));
    expect(res.status).toBe("ok");
    expect(getQuote(getDb(), staffA, mine.id)).toMatchObject({
      status: "canceled",
      cancelReason: "Sold as is",
    });
  });
});

describe("createQuoteAction field wording", () => {
  it("names the search ranges in the form's own words and keeps the criteria typed", async () => {
    signInAs(staffA);
    const { state } = await submit(createQuoteAction, {
      kind: "search",
      "search.firstName": "Ana",
      "search.lastName": "Diaz",
      "search.email": "ana@example.test",
      "search.zipcode": "23220",
      "search.yearLower": "2022",
      "search.yearUpper": "2019",
      "search.mileageLower": "50000",
      "search.mileageUpper": "10000",
      "search.creditScore": "",
    });
    expect(state?.fieldErrors?.["search.yearUpper"]).toBe("“Year to” must not be before “Year from”.");
    expect(state?.fieldErrors?.["search.mileageUpper"]).toBe(
      "Maximum mileage must not be below the minimum.",
    );
    expect(state?.values?.["search.mileageLower"]).toBe("50000");
  });
});
