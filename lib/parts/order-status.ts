import type { LineStatus, OrderStatus } from "@/db/schema/parts";

const CLOSED_LINE: ReadonlySet<LineStatus> = new Set(["DELIVERED", "INVOICED", "CANCELLED"]);
const SHIPPED_LINE: ReadonlySet<LineStatus> = new Set(["INTRANSIT", "DELIVERED", "INVOICED"]);
/** Picking has started (ISSUED = picked, PACKED after it) or the line is on order from the supplier. */
const IN_PROGRESS_LINE: ReadonlySet<LineStatus> = new Set(["ISSUED", "PACKED", "BACKORDER"]);

/**
 * The order's status, derived from its lines as the spec defines it. The rules overlap, so the
 * furthest one that holds wins:
 * - CLOSED: every line delivered, invoiced or cancelled (an order with no live line is closed);
 * - SHIPPED: at least one line shipped (in transit, delivered or invoiced); orders ship in batches;
 * - INPROGRESS: picking or back-ordering started (a line issued, packed or on back-order);
 * - CONFIRMED: at least one line reserved (reserved lines wait to be picked);
 * - CREATED: nothing reserved, issued or ordered yet (draft lines, or only cancelled ones besides).
 */
export function deriveOrderStatus(lines: readonly LineStatus[]): OrderStatus {
  if (lines.every((s) => CLOSED_LINE.has(s))) return "CLOSED";
  if (lines.some((s) => SHIPPED_LINE.has(s))) return "SHIPPED";
  if (lines.some((s) => IN_PROGRESS_LINE.has(s))) return "INPROGRESS";
  if (lines.some((s) => s === "RESERVED")) return "CONFIRMED";
  return "CREATED";
}
