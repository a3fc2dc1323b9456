import type { LineStatus, OrderType } from "@/db/schema/parts";

/** The parts counter moves lines through the warehouse; the customer can cancel or substitute. */
export const COUNTER_ACTIONS = ["pick", "pack", "ship", "deliver", "invoice", "receive"] as const;
export const CUSTOMER_ACTIONS = ["cancel", "accept_alternative"] as const;
export const LINE_ACTIONS = [...COUNTER_ACTIONS, ...CUSTOMER_ACTIONS] as const;
export type LineAction = (typeof LINE_ACTIONS)[number];

/** How a transition moves stock (units of the line's quantity). */
export type StockEffect =
  /** pick: the units leave the shelf; they stop being reserved and stop being on hand. */
  | "issue"
  /** receive: the supplier's delivery for a back-order arrives and is reserved for the line at once. */
  | "receive_and_reserve"
  /** cancel a reserved line: its units are free again. */
  | "release"
  /** cancel an issued (picked) line: the units go back on the shelf. */
  | "restock"
  | "none";

interface Transition {
  from: readonly LineStatus[];
  to: LineStatus;
}

const TRANSITIONS: Record<Exclude<LineAction, "accept_alternative">, Transition> = {
  pick: { from: ["RESERVED"], to: "ISSUED" },
  pack: { from: ["ISSUED"], to: "PACKED" },
  ship: { from: ["PACKED"], to: "INTRANSIT" },
  deliver: { from: ["INTRANSIT"], to: "DELIVERED" },
  invoice: { from: ["DELIVERED"], to: "INVOICED" },
  receive: { from: ["BACKORDER"], to: "RESERVED" },
  cancel: { from: ["OPEN", "RESERVED", "ISSUED", "BACKORDER"], to: "CANCELLED" },
};

/** Where `action` takes a line, or null when it does not apply to the line's status. */
export function nextStatus(action: LineAction, from: LineStatus, orderType: OrderType): LineStatus | null {
  if (action === "accept_alternative") return from === "BACKORDER" ? "CANCELLED" : null;
  // A collection order is handed over at the counter: packed lines are delivered without shipping.
  if (action === "deliver" && from === "PACKED" && orderType === "COL") return "DELIVERED";
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

export function stockEffect(action: LineAction, from: LineStatus): StockEffect {
  if (action === "pick") return "issue";
  if (action === "receive") return "receive_and_reserve";
  if (action === "cancel" && from === "RESERVED") return "release";
  if (action === "cancel" && from === "ISSUED") return "restock";
  return "none";
}

/** The actions a line offers now (for buttons). */
export function availableActions(status: LineStatus, orderType: OrderType): LineAction[] {
  return LINE_ACTIONS.filter((a) => nextStatus(a, status, orderType) !== null);
}

export const ACTION_LABELS: Record<LineAction, string> = {
  pick: "Pick",
  pack: "Pack",
  ship: "Ship",
  deliver: "Deliver",
  invoice: "Invoice",
  receive: "Receive stock",
  cancel: "Cancel line",
  accept_alternative: "Accept alternative",
};
