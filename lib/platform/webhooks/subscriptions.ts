/**
 * Event-name patterns an endpoint subscribes to: exact (`service.created`), a resource wildcard
 * (`service.*`, which also covers deeper names such as `move.pickup.started` for `move.*`) or `*`.
 */
export const EVENT_PATTERN = /^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/;

export function matchesSubscription(patterns: readonly string[], eventName: string): boolean {
  return patterns.some((p) => {
    if (p === "*" || p === eventName) return true;
    if (p.endsWith(".*")) return eventName.startsWith(p.slice(0, -1));
    return false;
  });
}

/** Every event Forecourt emits, for pickers and docs. */
export const EVENT_CATALOG: { name: string; description: string }[] = [
  { name: "webhook.test", description: "Sent on request to check an endpoint." },
  { name: "service.created", description: "A service order was created." },
  { name: "service.updated", description: "A service order changed (started, delayed, ETA, canceled…)." },
  { name: "service.completed", description: "A service order was completed." },
  { name: "quote.created", description: "A quote was created." },
  { name: "quote.paid", description: "A quote was paid; its service order was created." },
  { name: "quote.payment_failed", description: "A card payment for a quote was declined." },
  { name: "deal.created", description: "A deal was created." },
  { name: "move.created", description: "A move was booked." },
  { name: "move.dispatched", description: "A driver was assigned." },
  { name: "move.pickup.started", description: "The driver is on the way to pick up." },
  { name: "move.pickup.arrived", description: "The driver arrived at pickup." },
  { name: "move.pickup.successful", description: "The vehicle was picked up." },
  { name: "move.delivery.started", description: "The driver is on the way to deliver." },
  { name: "move.delivery.arrived", description: "The driver arrived at delivery." },
  { name: "move.delivery.successful", description: "The vehicle was delivered." },
  { name: "move.cancel.pending", description: "A cancelation was requested." },
  { name: "move.cancel.succeeded", description: "A cancelation succeeded (no charge)." },
  { name: "move.cancel.partial", description: "A cancelation was partial (accessorial charge)." },
  { name: "move.cancel.failed", description: "A cancelation failed; the move goes on." },
  { name: "move.rescheduled", description: "A move's ready-by time changed." },
  { name: "deal.updated", description: "Quotes or orders were attached to a deal." },
  {
    name: "parts_order.created",
    description: "A parts order was placed (stock reserved, the rest back-ordered).",
  },
  {
    name: "parts_order.updated",
    description: "A parts order line changed (picked, packed, shipped, cancelled…).",
  },
  { name: "checkout_cart.created", description: "An OEM posted a cart fulfilled by this dealer." },
  { name: "checkout_cart.updated", description: "An OEM overwrote a cart by its id." },
  { name: "checkout_cart.opened", description: "A buyer opened a cart's checkout link for the first time." },
  { name: "checkout_cart.payment_failed", description: "A buyer's card was declined at checkout." },
  { name: "checkout_cart.placed", description: "The first order was placed from a cart." },
  { name: "placed_order.created", description: "A buyer paid and placed an order." },
  { name: "placed_order.updated", description: "A placed order's fulfillment or payment status changed." },
];
