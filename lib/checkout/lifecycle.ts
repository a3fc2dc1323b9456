import type { FulfillmentStatus, PaymentStatus } from "@/db/schema";

/**
 * Fulfillment: UNFULFILLED -> READY_TO_FULFILL -> SHIPPED (shipping) or READY_FOR_PICK_UP
 * (pick-up) -> FULFILLED. ON_HOLD pauses any open state and returns to UNFULFILLED or
 * READY_TO_FULFILL; CANCELED ends any state before FULFILLED. Nothing leaves FULFILLED or CANCELED.
 */
const FULFILLMENT: Record<FulfillmentStatus, readonly FulfillmentStatus[]> = {
  UNFULFILLED: ["READY_TO_FULFILL", "ON_HOLD", "CANCELED"],
  READY_TO_FULFILL: ["SHIPPED", "READY_FOR_PICK_UP", "ON_HOLD", "CANCELED"],
  ON_HOLD: ["UNFULFILLED", "READY_TO_FULFILL", "CANCELED"],
  SHIPPED: ["FULFILLED"],
  READY_FOR_PICK_UP: ["FULFILLED", "ON_HOLD", "CANCELED"],
  FULFILLED: [],
  CANCELED: [],
};

/** The next fulfillment statuses, given how the buyer takes delivery. */
export function nextFulfillment(from: FulfillmentStatus, delivery: "PICK_UP" | "SHIP"): FulfillmentStatus[] {
  return FULFILLMENT[from].filter(
    (to) =>
      !(to === "SHIPPED" && delivery !== "SHIP") && !(to === "READY_FOR_PICK_UP" && delivery !== "PICK_UP"),
  );
}

export function canFulfill(from: FulfillmentStatus, to: FulfillmentStatus, delivery: "PICK_UP" | "SHIP") {
  return nextFulfillment(from, delivery).includes(to);
}

/**
 * Payment (the spec's statuses): the checkout starts it at RESERVATION_PAID (deposit or loan down
 * payment) or FULLY_PAID. A lender's approval makes it FINANCING_GUARANTEED; the final payment
 * (or the loan's funding) FULLY_PAID.
 */
const PAYMENT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  RESERVATION_PAID: ["FINANCING_GUARANTEED", "FULLY_PAID"],
  FINANCING_GUARANTEED: ["FULLY_PAID"],
  FULLY_PAID: [],
};

export function nextPayment(from: PaymentStatus): readonly PaymentStatus[] {
  return PAYMENT[from];
}

export function canPay(from: PaymentStatus, to: PaymentStatus) {
  return PAYMENT[from].includes(to);
}
