import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { oems, productAccessories, products } from "@/db/schema";
import type { UserActor } from "@/lib/platform/actor";
import { makeUser, useTempDatabase } from "@/lib/testing/harness";
import {
  insertOem,
  removeAccessory,
  removeOemBrand,
  removeProduct,
  renameOem,
  writeAccessory,
  writeOemBrand,
  writeProduct,
} from "./oem-config";
import { createCheckoutCart } from "./service";
import { acmeCart, seedAcme } from "./testing";

let env: ReturnType<typeof useTempDatabase>;
let w: ReturnType<typeof seedAcme>;
let ops: UserActor;

beforeAll(async () => {
  env = useTempDatabase();
  w = seedAcme(getDb());
  ops = (await makeUser(null, "ops")).actor;
});
afterAll(() => env.cleanup());

const revision = () =>
  getDb()
    .select()
    .from(oems)
    .all()
    .find((o) => o.id === w.acmeId)!.configRevision;
const accessoryNames = () =>
  getDb()
    .select()
    .from(productAccessories)
    .all()
    .map((a) => a.name);
const shop = () => ({
  kind: "apiKey" as const,
  keyId: "k",
  dealerId: null,
  oemId: w.acmeId,
  role: null,
  scopes: ["*"],
  label: "shop",
});

describe("variantConfigIds stay unambiguous", () => {
  it("refuses a product id equal to another product's configuration", () => {
    // ROADSTER + Roof Rack is ROADSTER-RoofRack.
    expect(() =>
      writeProduct(getDb(), w.acmeId, {
        productId: "ROADSTER-RoofRack",
        name: "X",
        modelYear: 2026,
        basePrice: 1,
      }),
    ).toThrow(expect.objectContaining({ param: "productId", code: "variant_collision" }));
    expect(
      getDb()
        .select()
        .from(products)
        .all()
        .map((p) => p.productId),
    ).not.toContain("ROADSTER-RoofRack");
  });

  it("refuses an accessory that would make a configuration equal another product's", () => {
    writeProduct(getDb(), w.acmeId, { productId: "ROADSTER-GT", name: "GT", modelYear: 2026, basePrice: 1 });
    expect(() =>
      writeAccessory(getDb(), w.acmeId, { productId: "ROADSTER", name: "G.T.", price: 1 }),
    ).toThrow(/same variantConfigId ROADSTER-GT/);
    expect(accessoryNames()).not.toContain("G.T.");
    // An existing accessory's price can still change.
    writeAccessory(getDb(), w.acmeId, { productId: "ROADSTER", name: "Roof Rack", price: 550 });
  });
});

describe("ops edits", () => {
  it("every change bumps the OEM's config revision", () => {
    const before = revision();
    renameOem(getDb(), ops, w.acmeId, { name: "Acme Motor Cars" });
    writeOemBrand(getDb(), w.acmeId, { brandKey: "spare", name: "Spare" });
    removeOemBrand(getDb(), ops, w.acmeId, "spare");
    expect(revision()).toBe(before + 3);
    expect(
      getDb()
        .select()
        .from(oems)
        .all()
        .find((o) => o.id === w.acmeId),
    ).toMatchObject({
      name: "Acme Motor Cars",
      oemKey: "acme",
    });
  });

  it("refuses to delete what an open cart sells, with the reason; deletes it once nothing does", () => {
    writeProduct(getDb(), w.acmeId, { productId: "VAN", name: "Van", modelYear: 2026, basePrice: 9 });
    const mats = writeAccessory(getDb(), w.acmeId, { productId: "VAN", name: "Mats", price: 1 });
    const rack = writeAccessory(getDb(), w.acmeId, { productId: "VAN", name: "Rack", price: 1 });
    const cart = createCheckoutCart(
      getDb(),
      shop(),
      acmeCart({ id: "van-cart", variants: [{ variantConfigId: "VAN-Mats" }] }),
    );
    expect(cart.checkoutCartId).toBe("van-cart");

    expect(() => removeProduct(getDb(), ops, w.acmeId, "VAN")).toThrow(/1 open cart sells the Van/);
    expect(() => removeAccessory(getDb(), ops, w.acmeId, mats.id)).toThrow(/1 open cart includes Mats/);
    expect(() => removeOemBrand(getDb(), ops, w.acmeId, "acme")).toThrow(/brand of ROADSTER/);
    // Rack is in no open cart's configuration.
    expect(removeAccessory(getDb(), ops, w.acmeId, rack.id)).toEqual({ removed: rack.id });

    // Withdrawn (re-posted as a native cart), it no longer holds anything back.
    createCheckoutCart(getDb(), shop(), acmeCart({ id: "van-cart", variants: [] }));
    expect(removeProduct(getDb(), ops, w.acmeId, "VAN")).toEqual({ removed: "VAN" });
    expect(accessoryNames()).not.toContain("Mats");
  });

  it("is for ops only; another OEM's product is not found", async () => {
    const staff = (await makeUser(w.alphaId, "admin")).actor;
    expect(() => removeProduct(getDb(), staff, w.acmeId, "ROADSTER")).toThrow(/role/);
    const other = insertOem(getDb(), { name: "Other", oemKey: "other" });
    expect(() => removeProduct(getDb(), ops, other.id, "ROADSTER")).toThrow(/No such product/);
  });
});
