import { formatShortDateTime } from "@/lib/platform/zoned-time";

/** What a text message needs to know about a leg to say the right thing about it. */
export interface SmsLeg {
  kind: "concierge-loaner" | "concierge";
  action: "pickup" | "return";
  role: "loaner" | "customer";
  /** 1 = the leg that starts at the service center. */
  leg: number;
}

/**
 * Whether this leg brings a vehicle to the customer. A pickup sends the loaner out and brings the
 * customer's car in; a return does the opposite (a concierge-only booking has just the car).
 */
export const towardCustomer = (l: Pick<SmsLeg, "role" | "action">) =>
  (l.role === "loaner") === (l.action === "pickup");

const thing = (l: SmsLeg) => (l.role === "loaner" ? "loaner" : "vehicle");

function purpose(l: SmsLeg): string {
  if (l.kind === "concierge-loaner") return "your loaner swap";
  return l.action === "pickup" ? "your vehicle pickup" : "your vehicle delivery";
}

/** "loaner delivery", "vehicle pickup": the leg as the customer sees it. */
function legPhrase(l: SmsLeg): string {
  return `${thing(l)} ${towardCustomer(l) ? "delivery" : "pickup"}`;
}

export function dispatchSms(
  l: SmsLeg,
  p: { customerName: string; driver: string; appointment: Date; timeZone: string; link: string },
): string {
  return `${p.customerName}, ${p.driver} is your driver for ${purpose(l)} on ${formatShortDateTime(p.appointment, p.timeZone)}. Track: ${p.link}`;
}

/**
 * The message for a driver step, or null when the customer needn't hear about it. The customer
 * hears when the driver heads their way and when each vehicle arrives where it was going.
 */
export function stepSms(l: SmsLeg, step: string, driver: string): string | null {
  if (towardCustomer(l)) {
    if (step === "delivery started") return `${driver} is on the way to you with your ${thing(l)}.`;
    if (step === "delivery successful") return `Your ${thing(l)} has been delivered.`;
    return null;
  }
  // Collecting from the customer: on a swap's second leg the driver is already there.
  if (step === "pickup started" && l.leg === 1)
    return `${driver} is on the way to pick up ${l.role === "loaner" ? "the loaner" : "your vehicle"}.`;
  if (step === "delivery successful")
    return l.role === "loaner"
      ? "The loaner is back at the service center. Thank you!"
      : "Your vehicle has arrived at the service center.";
  return null;
}

export function cancelSms(
  l: SmsLeg,
  p: { customerName: string; appointment: Date; timeZone: string },
): string {
  return `${p.customerName}, your ${legPhrase(l)} for ${formatShortDateTime(p.appointment, p.timeZone)} was canceled.`;
}
