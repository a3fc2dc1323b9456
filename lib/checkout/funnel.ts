/**
 * The carts funnel: created -> opened -> placed, or abandoned. A cart is abandoned when a buyer
 * opened it and nobody placed an order within ABANDON_AFTER_DAYS of the last activity on it
 * (opening the link or saving a step). A cart never opened stays "created": nobody walked away
 * from it, the link was just not used (yet).
 */
export const ABANDON_AFTER_DAYS = 3;
export const ABANDON_AFTER_MS = ABANDON_AFTER_DAYS * 86_400_000;

export type FunnelStatus = "created" | "opened" | "placed" | "abandoned";

export function funnelStatus(
  cart: { status: "created" | "opened" | "placed"; lastActivityAt: Date | null },
  now: number,
): FunnelStatus {
  if (cart.status !== "opened") return cart.status;
  const last = cart.lastActivityAt?.getTime() ?? 0;
  return now - last >= ABANDON_AFTER_MS ? "abandoned" : "opened";
}
