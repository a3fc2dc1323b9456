/**
 * The variantConfigId rule of the OEM guide: take the configuration's accessory names, strip
 * symbols and spaces, sort alphabetically, join with "-": that is the variant id, and
 * variantConfigId = productId + "-" + variantId. A product with no accessories is its productId alone.
 */

/** "Roof Rack (Black)" -> "RoofRackBlack": an accessory's part of a variantConfigId. */
export function variantKey(accessoryName: string): string {
  return accessoryName.normalize("NFKD").replace(/[^A-Za-z0-9]/g, "");
}

export function variantConfigId(productId: string, accessoryNames: readonly string[]): string {
  const keys = [...new Set(accessoryNames.map(variantKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [productId, ...keys].join("-");
}

/**
 * The product ids a variantConfigId could start with: itself and every prefix ending before a "-"
 * (product ids may contain "-" themselves, accessory keys never do).
 */
export function productIdCandidates(configId: string): string[] {
  const out = [configId];
  for (let i = configId.indexOf("-"); i > 0; i = configId.indexOf("-", i + 1)) out.push(configId.slice(0, i));
  return out;
}

export interface ConfigurableProduct {
  productId: string;
  accessories: readonly { name: string }[];
}

export type ResolvedConfig<P extends ConfigurableProduct> =
  | { ok: true; product: P; accessories: P["accessories"][number][] }
  | { ok: false; reason: string };

/**
 * Which product and accessories a variantConfigId names, among the OEM's products. The id must be
 * exactly what `variantConfigId` builds: known product, known accessories, sorted, no repeats.
 * The longest matching product id wins.
 */
export function resolveVariantConfig<P extends ConfigurableProduct>(
  configId: string,
  productsById: ReadonlyMap<string, P>,
): ResolvedConfig<P> {
  const candidates = productIdCandidates(configId).filter((c) => productsById.has(c));
  if (candidates.length === 0)
    return { ok: false, reason: `Unknown variantConfigId "${configId}": no such product.` };
  let last = "";
  for (const productId of candidates) {
    const product = productsById.get(productId)!;
    const rest = configId.slice(productId.length + 1);
    const keys = rest ? rest.split("-") : [];
    const byKey = new Map(product.accessories.map((a) => [variantKey(a.name), a]));
    const accessories = keys.map((k) => byKey.get(k));
    if (accessories.some((a) => !a)) {
      const unknown = keys.filter((k) => !byKey.has(k)).join(", ");
      last = `Unknown variantConfigId "${configId}": product ${productId} has no accessory ${unknown}.`;
      continue;
    }
    if (variantConfigId(productId, keys) !== configId) {
      last = `variantConfigId "${configId}" is not in canonical form: expected "${variantConfigId(productId, keys)}" (accessories sorted, each once).`;
      continue;
    }
    return { ok: true, product, accessories: accessories as P["accessories"][number][] };
  }
  return { ok: false, reason: last };
}

/** Every configuration of a product: the base and each combination of its accessories. */
export function allConfigurations<A extends { name: string }>(productId: string, accessories: readonly A[]) {
  const out: { variantConfigId: string; accessories: A[] }[] = [];
  const n = accessories.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const chosen = accessories.filter((_, i) => mask & (1 << i));
    out.push({
      variantConfigId: variantConfigId(
        productId,
        chosen.map((a) => a.name),
      ),
      accessories: chosen,
    });
  }
  return out.sort(
    (a, b) => a.accessories.length - b.accessories.length || (a.variantConfigId < b.variantConfigId ? -1 : 1),
  );
}

export interface ConfigCollision {
  variantConfigId: string;
  /** The two configurations that would share it, e.g. "X with Red" and "X-Red". */
  configurations: [string, string];
}

const describeConfig = (productId: string, accessories: readonly { name: string }[]) =>
  accessories.length ? `${productId} with ${accessories.map((a) => a.name).join(", ")}` : productId;

/**
 * The first variantConfigId that a configuration of `productId` would share with another
 * configuration among `products`, or null. Product ids may contain "-", so product "X" with
 * accessory "Red" and product "X-Red" both build "X-Red": one id would name two vehicles. Only
 * collisions involving `productId` count, so an old clash elsewhere does not block this change.
 */
export function configCollision(
  products: readonly ConfigurableProduct[],
  productId: string,
): ConfigCollision | null {
  const mine = products.find((p) => p.productId === productId);
  if (!mine) return null;
  const ours = new Map(
    allConfigurations(mine.productId, mine.accessories).map((c) => [
      c.variantConfigId,
      describeConfig(mine.productId, c.accessories),
    ]),
  );
  for (const other of products) {
    if (other === mine) continue;
    for (const c of allConfigurations(other.productId, other.accessories)) {
      const clash = ours.get(c.variantConfigId);
      if (clash)
        return {
          variantConfigId: c.variantConfigId,
          configurations: [clash, describeConfig(other.productId, c.accessories)],
        };
    }
  }
  return null;
}
