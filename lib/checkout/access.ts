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

/** Carts are posted, and products listed, with an API key bound to an OEM. */
export function oemOf(actor: Actor): string {
  if (actor.kind === "apiKey" && actor.oemId) return actor.oemId;
  throw forbidden(
    "This endpoint takes an OEM API key (npm run cli -- api-key create --oem <oemKey> ...).",
    "oem_key_required",
  );
}
