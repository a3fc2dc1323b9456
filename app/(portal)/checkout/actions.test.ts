import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { oems } from "@/db/schema";
import {
  insertOem,
  writeAccessory,
  writeOemDealer,
  writeOemStates,
  writeProduct,
} from "@/lib/checkout/oem-config";
import { createCheckoutCart } from "@/lib/checkout/service";
import { completeSteps, payAsShown, tokenOf } from "@/lib/checkout/testing";
import type { ApiKeyActor, UserActor } from "@/lib/platform/actor";
import { idleState } from "@/lib/platform/form-state";
import { makeDealer, makeUser, useTempDatabase } from "@/lib/testing/harness";
import { signInAs } from "@/lib/testing/signed-in";

// The server actions authenticate through the session; each test picks who is signed in.
vi.mock("@/lib/platform/auth/current", () => import("@/lib/testing/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const {
  updatePlacedOrderAction,
  setOemStatesAction,
  saveProductAction,
  removeProductAction,
  renameOemAction,
} = await import("./actions");

let env: ReturnType<typeof useTempDatabase>;
let staffA: UserActor;
let staffB: UserActor;
let ops: UserActor;
let orderId: string;
let oemId: string;

const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
  return f;
};

beforeAll(async () => {
  env = useTempDatabase();
  const db = getDb();
  const alpha = makeDealer("alpha");
  staffA = (await makeUser(alpha.id, "staff")).actor;
  staffB = (await makeUser(makeDealer("beta").id, "staff")).actor;
  ops = (await makeUser(null, "ops")).actor;
  oemId = insertOem(db, { name: "Acme", oemKey: "acme" }).id;
  writeOemStates(db, oemId, { states: ["VA"] });
  writeOemDealer(db, oemId, { dealer: "alpha", states: ["VA"], isDefault: true });
  writeProduct(db, oemId, { productId: "CAR", name: "Car", modelYear: 2026, basePrice: 30000 });
  writeAccessory(db, oemId, { productId: "CAR", name: "Mats", price: 100 });
  const oemActor: ApiKeyActor = {
    kind: "apiKey",
    keyId: "k",
    dealerId: null,
    oemId,
    role: null,
    scopes: ["*"],
    label: "shop",
  };
  const res = createCheckoutCart(db, oemActor, {
    oemKey: "acme",
    variants: [{ variantConfigId: "CAR-Mats" }],
    registrationState: "VA",
    cancelUrl: "https://acme.example/cart",
    nativeDefaultCheckoutUrl: "https://acme.example/checkout",
  });
  const token = tokenOf(res.checkoutUrl);
  const secret = completeSteps(db, token, {
    delivery: { method: "PICK_UP", pickUpDealerId: alpha.id },
    option: "STANDARD_RESERVATION",
  });
  orderId = payAsShown(db, token, secret).placedOrderId;
});
afterAll(() => env.cleanup());

describe("placed order actions", () => {
  it("another dealer's staff (and ops) get 'not found' and change nothing", async () => {
    for (const who of [staffB, ops]) {
      signInAs(who);
      const r = await updatePlacedOrderAction(
        idleState,
        form({ orderId, fulfillmentStatus: "READY_TO_FULFILL" }),
      );
      expect(r.status).toBe("error");
      expect(r.message).toMatch(/^No such /);
    }
    signInAs(staffA);
    const ok = await updatePlacedOrderAction(
      idleState,
      form({ orderId, fulfillmentStatus: "READY_TO_FULFILL" }),
    );
    expect(ok.status).toBe("ok");
    expect((ok.data as { fulfillmentStatus: string }).fulfillmentStatus).toBe("READY_TO_FULFILL");
  });

  it("an illegal move is refused with a message, keeping the note typed", async () => {
    signInAs(staffA);
    const r = await updatePlacedOrderAction(
      idleState,
      form({ orderId, fulfillmentStatus: "SHIPPED", note: "typed" }),
    );
    expect(r.status).toBe("error");
    expect(r.message).toMatch(/cannot become SHIPPED/);
    expect(r.values?.note).toBe("typed");
  });
});

describe("OEM configuration actions", () => {
  it("are for ops only", async () => {
    signInAs(staffA);
    const r = await setOemStatesAction(idleState, form({ oemId, states: ["TX"] }));
    expect(r.status).toBe("error");
    signInAs(ops);
    const ok = await setOemStatesAction(idleState, form({ oemId, states: ["VA", "TX"] }));
    expect(ok.status).toBe("ok");
    expect(getDb().select().from(oems).all()).toHaveLength(1);
  });

  it("shows field errors next to the product fields and keeps what was typed", async () => {
    signInAs(ops);
    const r = await saveProductAction(
      idleState,
      form({ oemId, productId: "bad id!", name: "X", modelYear: "20", basePrice: "1" }),
    );
    expect(r.status).toBe("error");
    expect(r.fieldErrors?.productId).toBeTruthy();
    expect(r.fieldErrors?.modelYear).toBeTruthy();
    expect(r.values).toMatchObject({ productId: "bad id!", name: "X" });
  });

  it("refuses a product id that would share a variantConfigId, next to the field", async () => {
    signInAs(ops);
    // CAR with Mats is CAR-Mats.
    const r = await saveProductAction(
      idleState,
      form({ oemId, productId: "CAR-Mats", name: "Mats car", modelYear: "2026", basePrice: "1" }),
    );
    expect(r.status).toBe("error");
    expect(r.fieldErrors?.productId).toMatch(
      /"CAR-Mats" and "CAR with Mats" the same variantConfigId CAR-Mats/,
    );
    expect(r.values).toMatchObject({ productId: "CAR-Mats", name: "Mats car" });
  });

  it("says why a product an open cart sells cannot be deleted; renames the OEM", async () => {
    signInAs(ops);
    const r = await removeProductAction(idleState, form({ oemId, productId: "CAR" }));
    expect(r).toMatchObject({
      status: "error",
      message: expect.stringMatching(/^1 open cart sells the Car;/),
    });
    const renamed = await renameOemAction(idleState, form({ oemId, name: "Acme Motors" }));
    expect(renamed).toMatchObject({ status: "ok", message: "Renamed to Acme Motors." });
    expect(getDb().select().from(oems).all()[0].name).toBe("Acme Motors");
  });
});
