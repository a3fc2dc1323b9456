import { describe, expect, it } from "vitest";
import { MOVE_STEPS as STEPS } from "./schema";
import { cancelSms, dispatchSms, type SmsLeg, stepSms } from "./sms";

/** Every message a leg sends over its whole journey, in order. */
const journey = (l: SmsLeg) => STEPS.map((s) => stepSms(l, s, "Dana")).filter(Boolean);

describe("step messages follow the leg's direction", () => {
  it("concierge-only pickup: the car goes to the service center, never 'to you'", () => {
    const msgs = journey({ kind: "concierge", action: "pickup", role: "customer", leg: 1 });
    expect(msgs).toEqual([
      "Dana is on the way to pick up your vehicle.",
      "Your vehicle has arrived at the service center.",
    ]);
  });

  it("concierge-only return: the car comes back to the customer", () => {
    expect(journey({ kind: "concierge", action: "return", role: "customer", leg: 1 })).toEqual([
      "Dana is on the way to you with your vehicle.",
      "Your vehicle has been delivered.",
    ]);
  });

  it("loaner swap, pickup: the loaner comes to the customer, then their car leaves with the driver already there", () => {
    expect(journey({ kind: "concierge-loaner", action: "pickup", role: "loaner", leg: 1 })).toEqual([
      "Dana is on the way to you with your loaner.",
      "Your loaner has been delivered.",
    ]);
    expect(journey({ kind: "concierge-loaner", action: "pickup", role: "customer", leg: 2 })).toEqual([
      "Your vehicle has arrived at the service center.",
    ]);
  });

  it("loaner swap, return: the customer's car comes back, then the loaner goes in", () => {
    expect(journey({ kind: "concierge-loaner", action: "return", role: "customer", leg: 1 })).toEqual([
      "Dana is on the way to you with your vehicle.",
      "Your vehicle has been delivered.",
    ]);
    expect(journey({ kind: "concierge-loaner", action: "return", role: "loaner", leg: 2 })).toEqual([
      "The loaner is back at the service center. Thank you!",
    ]);
  });
});

describe("dispatch and cancel messages", () => {
  const at = new Date("2031-03-25T14:00:00Z");

  it("give the appointment on the dealer's clock, with its zone", () => {
    const text = dispatchSms(
      { kind: "concierge-loaner", action: "pickup", role: "loaner", leg: 1 },
      { customerName: "Harry", driver: "Dana", appointment: at, timeZone: "America/New_York", link: "L" },
    );
    expect(text).toBe(
      "Harry, Dana is your driver for your loaner swap on Tue, Mar 25, 10:00 AM EDT. Track: L",
    );
    expect(text).not.toMatch(/GMT/);
    const west = cancelSms(
      { kind: "concierge", action: "pickup", role: "customer", leg: 1 },
      { customerName: "Harry", appointment: at, timeZone: "America/Los_Angeles" },
    );
    expect(west).toBe("Harry, your vehicle pickup for Tue, Mar 25, 7:00 AM PDT was canceled.");
  });

  it("name the canceled leg by what it was doing for the customer", () => {
    const p = { customerName: "Harry", appointment: at, timeZone: "America/New_York" };
    expect(cancelSms({ kind: "concierge-loaner", action: "pickup", role: "loaner", leg: 1 }, p)).toMatch(
      /your loaner delivery for/,
    );
    expect(cancelSms({ kind: "concierge-loaner", action: "return", role: "loaner", leg: 2 }, p)).toMatch(
      /your loaner pickup for/,
    );
    expect(cancelSms({ kind: "concierge", action: "return", role: "customer", leg: 1 }, p)).toMatch(
      /your vehicle delivery for/,
    );
  });
});
