import "server-only";
import type { DbOrTx } from "@/db/client";
import { selectRows, statement } from "@/db/raw";
import { type Oem, oems, type Product, type ProductAccessory, products } from "@/db/schema";
import type { FulfillingDealer } from "./routing";

/**
 * What posting a cart needs to know about its OEM (brands, hosted states, fulfilling dealers,
 * products with accessories), read in one go and kept: every cart of a busy web shop asks the
 * same questions. Every ops change bumps `oems.config_revision` in its own transaction, and each
 * use compares the kept revision with the stored one (one primary-key read), so the writer
 * thread, another process or another instance never posts a cart against a stale catalog.
 */

export interface DealerRow extends FulfillingDealer {
  slug: string;
}
export type ProductWithAccessories = Product & { accessories: ProductAccessory[] };

export interface OemCatalog {
  oem: Oem;
  brands: Set<string>;
  hostedStates: Set<string>;
  dealers: DealerRow[];
  productsById: Map<string, ProductWithAccessories>;
}

const cache = new Map<string, OemCatalog>();

/** The OEM's fulfilling dealers in a stable order (the routing picks the first that fits). */
export function oemDealerRows(db: DbOrTx, oemId: string): DealerRow[] {
  const rows = statement(
    db,
    `select d.id as dealerId, d.name as name, d.slug as slug, od.states as states, od.is_default as isDefault
       from oem_dealers od join dealers d on d.id = od.dealer_id
      where od.oem_id = ? order by od.created_at, d.slug`,
  ).all(oemId) as { dealerId: string; name: string; slug: string; states: string; isDefault: number }[];
  return rows.map((r) => ({ ...r, states: JSON.parse(r.states) as string[], isDefault: r.isDefault === 1 }));
}

export function hostedStates(db: DbOrTx, oemId: string): Set<string> {
  const rows = statement(db, "select state from oem_checkout_states where oem_id = ?").all(oemId) as {
    state: string;
  }[];
  return new Set(rows.map((r) => r.state));
}

function load(db: DbOrTx, oemId: string): OemCatalog | null {
  const [oem] = selectRows(db, oems, "where id = ?", oemId);
  if (!oem) return null;
  const productRows = selectRows(db, products, "where oem_id = ?", oemId);
  const accessories = statement(
    db,
    `select a.id, a.product_row_id as productRowId, a.name, a.variant_key as variantKey, a.price_cents as priceCents
       from product_accessories a join products p on p.id = a.product_row_id
      where p.oem_id = ? order by a.name`,
  ).all(oemId) as ProductAccessory[];
  const brands = statement(db, "select brand_key as brandKey from oem_brands where oem_id = ?").all(
    oemId,
  ) as {
    brandKey: string;
  }[];
  return {
    oem,
    brands: new Set(brands.map((b) => b.brandKey)),
    hostedStates: hostedStates(db, oemId),
    dealers: oemDealerRows(db, oemId),
    productsById: new Map(
      productRows.map((p) => [
        p.productId,
        { ...p, accessories: accessories.filter((a) => a.productRowId === p.id) },
      ]),
    ),
  };
}

export function oemCatalog(db: DbOrTx, oemId: string): OemCatalog | null {
  const hit = cache.get(oemId);
  if (hit) {
    const row = statement(db, "select config_revision as r from oems where id = ?").get(oemId) as
      | { r: number }
      | undefined;
    if (row?.r === hit.oem.configRevision) return hit;
  }
  const fresh = load(db, oemId);
  if (fresh) cache.set(oemId, fresh);
  else cache.delete(oemId);
  return fresh;
}
