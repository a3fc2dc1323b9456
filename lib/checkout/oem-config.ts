import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { statement } from "@/db/raw";
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
import { productsWithAccessories } from "./queries";
import {
  accessorySchema,
  createOemSchema,
  oemBrandSchema,
  oemDealerSchema,
  oemNameSchema,
  oemStatesSchema,
  productSchema,
} from "./schema";
import { type ConfigurableProduct, configCollision, variantKey } from "./variant-config";

/**
 * OEM configuration, managed by ops: OEMs, their brands, the states with hosted checkout, the
 * dealers that fulfil their orders, products and accessories. OEMs are platform data shared by
 * every dealer (no dealer_id), so these changes have no dealer timeline or webhook. Every change
 * bumps the OEM's config revision in the same transaction (see oem-catalog.ts).
 */

/** Every combination of accessories is a configuration; 6 accessories = 64 variantConfigIds per product. */
export const MAX_ACCESSORIES_PER_PRODUCT = 6;

const IMMEDIATE = { behavior: "immediate" } as const;

const findOem = (db: DbOrTx, oemId: string) => {
  const oem = db.select().from(oems).where(eq(oems.id, oemId)).get();
  if (!oem) throw notFound("OEM");
  return oem;
};

function bumpRevision(tx: DbOrTx, oemId: string) {
  statement(tx, "update oems set config_revision = config_revision + 1 where id = ?").run(oemId);
}

/** Runs one ops change to an OEM's configuration: OEM checked, change and revision bump in one transaction. */
function changeOem<T>(db: Db, oemId: string, change: (tx: DbOrTx) => T): T {
  return db.transaction((tx) => {
    findOem(tx, oemId);
    const result = change(tx);
    bumpRevision(tx, oemId);
    return result;
  }, IMMEDIATE);
}

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

/** Renames an OEM. Its oemKey stays: every integration sends it. */
export function writeOemName(db: Db, oemId: string, input: unknown) {
  const { name } = parseInput(oemNameSchema, input);
  return changeOem(db, oemId, (tx) =>
    tx.update(oems).set({ name }).where(eq(oems.id, oemId)).returning().get(),
  );
}

export function renameOem(db: Db, actor: Actor, oemId: string, input: unknown) {
  requireRole(actor, "ops");
  return writeOemName(db, oemId, input);
}

export function writeOemStates(db: Db, oemId: string, input: unknown) {
  const { states } = parseInput(oemStatesSchema, input);
  const unique = [...new Set(states)].sort();
  changeOem(db, oemId, (tx) => {
    tx.delete(oemCheckoutStates).where(eq(oemCheckoutStates.oemId, oemId)).run();
    for (const state of unique) tx.insert(oemCheckoutStates).values({ oemId, state }).run();
  });
  return { states: unique };
}

export function setOemStates(db: Db, actor: Actor, oemId: string, input: unknown) {
  requireRole(actor, "ops");
  return writeOemStates(db, oemId, input);
}

export function writeOemBrand(db: Db, oemId: string, input: unknown) {
  const data = parseInput(oemBrandSchema, input);
  changeOem(db, oemId, (tx) =>
    tx
      .insert(oemBrands)
      .values({ oemId, ...data })
      .onConflictDoUpdate({ target: [oemBrands.oemId, oemBrands.brandKey], set: { name: data.name } })
      .run(),
  );
  return data;
}

export function addOemBrand(db: Db, actor: Actor, oemId: string, input: unknown) {
  requireRole(actor, "ops");
  return writeOemBrand(db, oemId, input);
}

/**
 * Carts whose link still sells something (not withdrawn; not a used-up SINGLE_USE link) and
 * that match `where` (SQL over the cart `c` and each of its vehicles `v`). Ops may not delete
 * what such a cart shows the buyer.
 */
function openCartsMatching(tx: DbOrTx, oemId: string, where: string, ...args: unknown[]): number {
  const row = statement(
    tx,
    `select count(distinct c.id) as n from checkout_carts c, json_each(c.vehicles) v
      where c.oem_id = ? and c.deactivated_at is null
        and (c.status <> 'placed' or c.link_use_type = 'MULTI_USE') and ${where}`,
  ).get(oemId, ...args) as { n: number };
  return row.n;
}

/** "1 open cart sells" / "3 open carts sell". */
const carts = (n: number, verb = "") =>
  n === 1 ? `1 open cart${verb ? ` ${verb}s` : ""}` : `${n} open carts${verb ? ` ${verb}` : ""}`;

/** Deletes a brand no product and no open cart uses. */
export function removeOemBrand(db: Db, actor: Actor, oemId: string, brandKey: string) {
  requireRole(actor, "ops");
  return changeOem(db, oemId, (tx) => {
    const brand = tx
      .select()
      .from(oemBrands)
      .where(and(eq(oemBrands.oemId, oemId), eq(oemBrands.brandKey, brandKey)))
      .get();
    if (!brand) throw notFound("brand");
    const used = tx
      .select({ productId: products.productId })
      .from(products)
      .where(and(eq(products.oemId, oemId), eq(products.brandKey, brandKey)))
      .all();
    if (used.length)
      throw conflict(
        `${brand.name} is the brand of ${used.map((p) => p.productId).join(", ")}: change those products first.`,
        "brand_in_use",
        "brandKey",
      );
    const open = openCartsMatching(tx, oemId, "c.brand_key = ?", brandKey);
    if (open)
      throw conflict(
        `${carts(open)} of ${brand.name} can still be checked out; it can be deleted once they are placed or withdrawn.`,
        "brand_in_use",
        "brandKey",
      );
    tx.delete(oemBrands)
      .where(and(eq(oemBrands.oemId, oemId), eq(oemBrands.brandKey, brandKey)))
      .run();
    return { removed: brandKey };
  });
}

/** Adds or updates a fulfilling dealer; making one the default clears the others'. */
export function writeOemDealer(db: Db, oemId: string, input: unknown) {
  const data = parseInput(oemDealerSchema, input);
  const dealer = db.select().from(dealers).where(eq(dealers.slug, data.dealer)).get();
  if (!dealer) throw invalid("dealer", `No dealer "${data.dealer}".`);
  const states = [...new Set(data.states)].sort();
  changeOem(db, oemId, (tx) => {
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
  return { dealer: dealer.slug, states, isDefault: data.isDefault };
}

export function saveOemDealer(db: Db, actor: Actor, oemId: string, input: unknown) {
  requireRole(actor, "ops");
  return writeOemDealer(db, oemId, input);
}

/** Carts already routed to the dealer stay with it; new carts no longer go there. */
export function removeOemDealer(db: Db, actor: Actor, oemId: string, dealerId: string) {
  requireRole(actor, "ops");
  return changeOem(db, oemId, (tx) => {
    const gone = tx
      .delete(oemDealers)
      .where(and(eq(oemDealers.oemId, oemId), eq(oemDealers.dealerId, dealerId)))
      .returning()
      .get();
    if (!gone) throw notFound("fulfilling dealer");
    return { removed: dealerId };
  });
}

/** The OEM's products with their accessories, as configurations are built from them. */
function configurableProducts(
  tx: DbOrTx,
  oemId: string,
): { rowId: string; productId: string; accessories: { name: string }[] }[] {
  return productsWithAccessories(tx, oemId).map((p) => ({
    rowId: p.id,
    productId: p.productId,
    accessories: p.accessories.map((a) => ({ name: a.name })),
  }));
}

/** Refuses a catalog in which one variantConfigId would name two configurations. */
function assertNoCollision(list: readonly ConfigurableProduct[], productId: string, param: string) {
  const clash = configCollision(list, productId);
  if (clash)
    throw invalid(
      param,
      `This would give "${clash.configurations[0]}" and "${clash.configurations[1]}" the same variantConfigId ${clash.variantConfigId}: choose another ${param === "productId" ? "product id" : "accessory name"}.`,
      "variant_collision",
    );
}

export function writeProduct(db: Db, oemId: string, input: unknown) {
  const data = parseInput(productSchema, input);
  const values = {
    name: data.name,
    modelYear: data.modelYear,
    brandKey: data.brandKey ?? null,
    basePriceCents: toCents(data.basePrice),
  };
  return changeOem(db, oemId, (tx) => {
    if (
      data.brandKey &&
      !tx
        .select()
        .from(oemBrands)
        .where(and(eq(oemBrands.oemId, oemId), eq(oemBrands.brandKey, data.brandKey)))
        .get()
    )
      throw invalid("brandKey", `No brand "${data.brandKey}" for this OEM.`);
    // Only a new product id adds variantConfigIds; an update keeps them.
    const list = configurableProducts(tx, oemId);
    if (!list.some((p) => p.productId === data.productId)) {
      list.push({ rowId: "", productId: data.productId, accessories: [] });
      assertNoCollision(list, data.productId, "productId");
    }
    return tx
      .insert(products)
      .values({ id: newId("prd"), oemId, productId: data.productId, ...values })
      .onConflictDoUpdate({ target: [products.oemId, products.productId], set: values })
      .returning()
      .get();
  });
}

export function saveProduct(db: Db, actor: Actor, oemId: string, input: unknown) {
  requireRole(actor, "ops");
  return writeProduct(db, oemId, input);
}

function productRow(tx: DbOrTx, oemId: string, productId: string) {
  const product = tx
    .select()
    .from(products)
    .where(and(eq(products.oemId, oemId), eq(products.productId, productId)))
    .get();
  if (!product) throw notFound("product");
  return product;
}

/** Deletes a product (with its accessories) that no open cart sells. */
export function removeProduct(db: Db, actor: Actor, oemId: string, productId: string) {
  requireRole(actor, "ops");
  return changeOem(db, oemId, (tx) => {
    const product = productRow(tx, oemId, productId);
    const open = openCartsMatching(tx, oemId, "json_extract(v.value, '$.productId') = ?", productId);
    if (open)
      throw conflict(
        `${carts(open, "sell")} the ${product.name}; it can be deleted once they are placed or withdrawn.`,
        "product_in_use",
        "productId",
      );
    tx.delete(products).where(eq(products.id, product.id)).run();
    return { removed: productId };
  });
}

export function writeAccessory(db: Db, oemId: string, input: unknown) {
  const data = parseInput(accessorySchema, input);
  const key = variantKey(data.name);
  return changeOem(db, oemId, (tx) => {
    const product = productRow(tx, oemId, data.productId);
    const existing = tx
      .select()
      .from(productAccessories)
      .where(eq(productAccessories.productRowId, product.id))
      .all();
    const isNew = !existing.some((a) => a.variantKey === key);
    if (isNew && existing.length >= MAX_ACCESSORIES_PER_PRODUCT)
      throw invalid("name", `A product has at most ${MAX_ACCESSORIES_PER_PRODUCT} accessories.`);
    if (isNew) {
      const list = configurableProducts(tx, oemId);
      list.find((p) => p.rowId === product.id)?.accessories.push({ name: data.name });
      assertNoCollision(list, product.productId, "name");
    }
    return tx
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
  });
}

export function saveAccessory(db: Db, actor: Actor, oemId: string, input: unknown) {
  requireRole(actor, "ops");
  return writeAccessory(db, oemId, input);
}

/** Deletes an accessory that no open cart's configuration includes. */
export function removeAccessory(db: Db, actor: Actor, oemId: string, accessoryId: string) {
  requireRole(actor, "ops");
  return changeOem(db, oemId, (tx) => {
    const row = tx
      .select({
        id: productAccessories.id,
        name: productAccessories.name,
        key: productAccessories.variantKey,
        productId: products.productId,
      })
      .from(productAccessories)
      .innerJoin(products, eq(products.id, productAccessories.productRowId))
      .where(and(eq(productAccessories.id, accessoryId), eq(products.oemId, oemId)))
      .get();
    if (!row) throw notFound("accessory");
    // The accessory keys of a configuration are the variantConfigId's segments after the product id.
    const open = openCartsMatching(
      tx,
      oemId,
      `json_extract(v.value, '$.productId') = ?
        and ('-' || substr(json_extract(v.value, '$.variantConfigId'), length(?) + 2) || '-') like ?`,
      row.productId,
      row.productId,
      `%-${row.key}-%`,
    );
    if (open)
      throw conflict(
        `${carts(open, "include")} ${row.name}; it can be deleted once they are placed or withdrawn.`,
        "accessory_in_use",
        "accessoryId",
      );
    tx.delete(productAccessories).where(eq(productAccessories.id, accessoryId)).run();
    return { removed: accessoryId };
  });
}

export function listOems(db: Db) {
  return db.select().from(oems).orderBy(oems.oemKey).all();
}
