import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  dealers,
  oemBrands,
  oemCheckoutStates,
  oemDealers,
  oems,
  productAccessories,
  products,
} from "@/db/schema";
import { type Actor, requireRole } from "@/lib/platform/actor";
import { conflict, invalid, notFound } from "@/lib/platform/errors";
import { newId } from "@/lib/platform/ids";
import { toCents } from "@/lib/platform/money";
import { parseInput } from "@/lib/platform/validation";
import { forgetOemCatalog } from "./oem-catalog";
import {
  accessorySchema,
  createOemSchema,
  oemBrandSchema,
  oemDealerSchema,
  oemStatesSchema,
  productSchema,
} from "./schema";
import { variantKey } from "./variant-config";

/**
 * OEM configuration, managed by ops: OEMs, their brands, the states with hosted checkout, the
 * dealers that fulfil their orders, products and accessories. OEMs are platform data shared by
 * every dealer (no dealer_id), so these changes have no dealer timeline or webhook.
 */

/** Every combination of accessories is a configuration; 6 accessories = 64 variantConfigIds per product. */
export const MAX_ACCESSORIES_PER_PRODUCT = 6;

const findOem = (db: Db, oemId: string) => {
  const oem = db.select().from(oems).where(eq(oems.id, oemId)).get();
  if (!oem) throw notFound("OEM");
  return oem;
};

export function findOemByKey(db: Db, oemKey: string) {
  return db.select().from(oems).where(eq(oems.oemKey, oemKey)).get();
}

export function insertOem(db: Db, input: { name: string; oemKey: string }) {
  const data = parseInput(createOemSchema, input);
  if (findOemByKey(db, data.oemKey))
    throw conflict(`An OEM with key "${data.oemKey}" exists.`, "oem_exists", "oemKey");
  return db
    .insert(oems)
    .values({ id: newId("oem"), ...data })
    .returning()
    .get();
}

export function createOem(db: Db, actor: Actor, input: unknown) {
  requireRole(actor, "ops");
  return insertOem(db, input as { name: string; oemKey: string });
}

export function writeOemStates(db: Db, oemId: string, input: unknown) {
  const { states } = parseInput(oemStatesSchema, input);
  findOem(db, oemId);
  db.transaction((tx) => {
    tx.delete(oemCheckoutStates).where(eq(oemCheckoutStates.oemId, oemId)).run();
    for (const state of new Set(states)) tx.insert(oemCheckoutStates).values({ oemId, state }).run();
  });
  forgetOemCatalog(oemId);
  return { states: [...new Set(states)].sort() };
}

export function setOemStates(db: Db, actor: Actor, oemId: string, input: unknown) {
  requireRole(actor, "ops");
  return writeOemStates(db, oemId, input);
}

export function writeOemBrand(db: Db, oemId: string, input: unknown) {
  const data = parseInput(oemBrandSchema, input);
  findOem(db, oemId);
  db.insert(oemBrands)
    .values({ oemId, ...data })
    .onConflictDoUpdate({ target: [oemBrands.oemId, oemBrands.brandKey], set: { name: data.name } })
    .run();
  forgetOemCatalog(oemId);
  return data;
}

export function addOemBrand(db: Db, actor: Actor, oemId: string, input: unknown) {
  requireRole(actor, "ops");
  return writeOemBrand(db, oemId, input);
}

/** Adds or updates a fulfilling dealer; making one the default clears the others'. */
export function writeOemDealer(db: Db, oemId: string, input: unknown) {
  const data = parseInput(oemDealerSchema, input);
  findOem(db, oemId);
  const dealer = db.select().from(dealers).where(eq(dealers.slug, data.dealer)).get();
  if (!dealer) throw invalid("dealer", `No dealer "${data.dealer}".`);
  const states = [...new Set(data.states)].sort();
  db.transaction((tx) => {
    if (data.isDefault)
      tx.update(oemDealers).set({ isDefault: false }).where(eq(oemDealers.oemId, oemId)).run();
    tx.insert(oemDealers)
      .values({ oemId, dealerId: dealer.id, states, isDefault: data.isDefault })
      .onConflictDoUpdate({
        target: [oemDealers.oemId, oemDealers.dealerId],
        set: { states, isDefault: data.isDefault },
      })
      .run();
  });
  forgetOemCatalog(oemId);
  return { dealer: dealer.slug, states, isDefault: data.isDefault };
}

export function saveOemDealer(db: Db, actor: Actor, oemId: string, input: unknown) {
  requireRole(actor, "ops");
  return writeOemDealer(db, oemId, input);
}

/** Carts already routed to the dealer stay with it; new carts no longer go there. */
export function removeOemDealer(db: Db, actor: Actor, oemId: string, dealerId: string) {
  requireRole(actor, "ops");
  findOem(db, oemId);
  const gone = db
    .delete(oemDealers)
    .where(and(eq(oemDealers.oemId, oemId), eq(oemDealers.dealerId, dealerId)))
    .returning()
    .get();
  if (!gone) throw notFound("fulfilling dealer");
  forgetOemCatalog(oemId);
  return { removed: dealerId };
}

export function writeProduct(db: Db, oemId: string, input: unknown) {
  const data = parseInput(productSchema, input);
  findOem(db, oemId);
  if (
    data.brandKey &&
    !db
      .select()
      .from(oemBrands)
      .where(and(eq(oemBrands.oemId, oemId), eq(oemBrands.brandKey, data.brandKey)))
      .get()
  )
    throw invalid("brandKey", `No brand "${data.brandKey}" for this OEM.`);
  const values = {
    name: data.name,
    modelYear: data.modelYear,
    brandKey: data.brandKey ?? null,
    basePriceCents: toCents(data.basePrice),
  };
  const product = db
    .insert(products)
    .values({ id: newId("prd"), oemId, productId: data.productId, ...values })
    .onConflictDoUpdate({ target: [products.oemId, products.productId], set: values })
    .returning()
    .get();
  forgetOemCatalog(oemId);
  return product;
}

export function saveProduct(db: Db, actor: Actor, oemId: string, input: unknown) {
  requireRole(actor, "ops");
  return writeProduct(db, oemId, input);
}

export function writeAccessory(db: Db, oemId: string, input: unknown) {
  const data = parseInput(accessorySchema, input);
  const product = db
    .select()
    .from(products)
    .where(and(eq(products.oemId, oemId), eq(products.productId, data.productId)))
    .get();
  if (!product) throw notFound("product");
  const key = variantKey(data.name);
  const existing = db
    .select()
    .from(productAccessories)
    .where(eq(productAccessories.productRowId, product.id))
    .all();
  if (!existing.some((a) => a.variantKey === key) && existing.length >= MAX_ACCESSORIES_PER_PRODUCT)
    throw invalid("name", `A product has at most ${MAX_ACCESSORIES_PER_PRODUCT} accessories.`);
  const accessory = db
    .insert(productAccessories)
    .values({
      id: newId("acc"),
      productRowId: product.id,
      name: data.name,
      variantKey: key,
      priceCents: toCents(data.price),
    })
    .onConflictDoUpdate({
      target: [productAccessories.productRowId, productAccessories.variantKey],
      set: { name: data.name, priceCents: toCents(data.price) },
    })
    .returning()
    .get();
  forgetOemCatalog(oemId);
  return accessory;
}

export function saveAccessory(db: Db, actor: Actor, oemId: string, input: unknown) {
  requireRole(actor, "ops");
  return writeAccessory(db, oemId, input);
}

export function removeAccessory(db: Db, actor: Actor, oemId: string, accessoryId: string) {
  requireRole(actor, "ops");
  const row = db
    .select({ id: productAccessories.id })
    .from(productAccessories)
    .innerJoin(products, eq(products.id, productAccessories.productRowId))
    .where(and(eq(productAccessories.id, accessoryId), eq(products.oemId, oemId)))
    .get();
  if (!row) throw notFound("accessory");
  db.delete(productAccessories).where(eq(productAccessories.id, accessoryId)).run();
  forgetOemCatalog(oemId);
  return { removed: accessoryId };
}

export function listOems(db: Db) {
  return db.select().from(oems).orderBy(oems.oemKey).all();
}
