import type { DbOrTx } from "@/db/client";
import { statement } from "@/db/raw";
import { type Actor, dealerOf } from "@/lib/platform/actor";
import { forbidden, notFound } from "@/lib/platform/errors";

/**
 * Who sees which carts and placed orders: an OEM key its OEM's; a dealer's users and keys the
 * carts that dealer fulfils; ops every one. Anything else is a 404, never a 403 (no existence leak).
 */
export type CheckoutScope = { oemId: string } | { dealerId: string } | { all: true };

export const isOps = (actor: Actor) => actor.kind === "user" && actor.role === "ops";

export function checkoutScope(actor: Actor): CheckoutScope {
  if (actor.kind === "apiKey" && actor.oemId) return { oemId: actor.oemId };
  if (isOps(actor)) return { all: true };
  return { dealerId: dealerOf(actor) };
}

export function canSee(scope: CheckoutScope, row: { oemId: string; dealerId: string }): boolean {
  if ("all" in scope) return true;
  if ("oemId" in scope) return row.oemId === scope.oemId;
  return row.dealerId === scope.dealerId;
}

export function assertVisible<T extends { oemId: string; dealerId: string }>(
  scope: CheckoutScope,
  row: T | undefined,
  what: string,
): T {
  if (!row || !canSee(scope, row)) throw notFound(what);
  return row;
}

/**
 * A cart as its viewer may see it. Besides the scope's rule, a dealer sees a cart it fulfils an
 * order from (the buyer picked the vehicle up there, or it serves the registration state), so
 * the order page's link to its cart works.
 */
export function assertCartVisible<T extends { id: string; oemId: string; dealerId: string }>(
  db: DbOrTx,
  scope: CheckoutScope,
  row: T | undefined,
): T {
  if (row && "dealerId" in scope && !canSee(scope, row)) {
    const fulfils = statement(
      db,
      "select 1 from placed_orders where cart_id = ? and dealer_id = ? limit 1",
    ).get(row.id, scope.dealerId);
    if (fulfils) return row;
  }
  return assertVisible(scope, row, "checkout cart");
}

/** Carts are posted, and products listed, with an API key bound to an OEM. */
export function oemOf(actor: Actor): string {
  if (actor.kind === "apiKey" && actor.oemId) return actor.oemId;
  throw forbidden(
    "This endpoint takes an OEM API key (npm run cli -- api-key create --oem <oemKey> ...).",
    "oem_key_required",
  );
}
