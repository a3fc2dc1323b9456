import type { BookingView } from "@/lib/moves/queries";

/** Pure helpers shared by the driver page, its client components and its polling route. */

export type DriverBooking = BookingView;
export type DriverLeg = BookingView["moves"][number];

export type DriverStep =
  | "pickup started"
  | "pickup arrived"
  | "pickup successful"
  | "delivery started"
  | "delivery arrived"
  | "delivery successful";

/** What the driver taps for each step, in order. */
export const STEP_BUTTON: Record<DriverStep, string> = {
  "pickup started": "Start pickup",
  "pickup arrived": "Arrived at pickup",
  "pickup successful": "Picked up",
  "delivery started": "Start delivery",
  "delivery arrived": "Arrived at delivery",
  "delivery successful": "Delivered",
};

const ORDER: (string | null)[] = [null, "dispatched", ...Object.keys(STEP_BUTTON)];

/** The step after `status`; null when the leg is not dispatched yet or already delivered. */
export function nextStep(status: string | null): DriverStep | null {
  if (status === null || status === "delivery successful") return null;
  const next = ORDER[ORDER.indexOf(status) + 1];
  return next && next in STEP_BUTTON ? (next as DriverStep) : null;
}

/** Handing a vehicle over: the driver records odometer, fuel, signer and notes. */
export const RECORDS_HANDOVER = (step: DriverStep) =>
  step === "pickup successful" || step === "delivery successful";

export const FUEL_LEVELS = ["E", "1/4", "1/2", "3/4", "F"] as const;

export const driverQueryKey = (date: string) => ["driver-board", date] as const;

/**
 * Whether the leg before this one still holds it up: the service starts a second leg once the
 * first is delivered, or canceled for good (a canceled first leg no longer blocks the second).
 */
export function holdsUp(previous: Pick<DriverLeg, "status" | "cancel_status"> | undefined): boolean {
  return (
    previous !== undefined &&
    previous.status !== "delivery successful" &&
    previous.cancel_status !== "succeeded" &&
    previous.cancel_status !== "partial"
  );
}
