import { z } from "zod";

/**
 * Test-mode card payments: nothing is ever charged. 4242 4242 4242 4242 approves,
 * 4000 0000 0000 0002 declines; any other number is refused with a hint. Card numbers are never
 * stored, only the brand and last four digits.
 */
export const APPROVE_CARD = "4242424242424242";
export const DECLINE_CARD = "4000000000000002";

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "mastercard";
  if (/^3[47]/.test(digits)) return "amex";
  if (/^6(011|5)/.test(digits)) return "discover";
  return "card";
}

export type CardOutcome =
  | { approved: true; brand: string; last4: string }
  | { approved: false; brand: string; last4: string; reason: string };

export function chargeTestCard(number: string): CardOutcome {
  const digits = number.replace(/[\s-]/g, "");
  const brand = cardBrand(digits);
  const last4 = digits.slice(-4);
  if (digits === APPROVE_CARD) return { approved: true, brand, last4 };
  if (digits === DECLINE_CARD) {
    return { approved: false, brand, last4, reason: "Your card was declined. Try another card." };
  }
  return {
    approved: false,
    brand,
    last4,
    reason: "This is a test-mode checkout: pay with 4242 4242 4242 4242. Nothing was charged.",
  };
}

/** The card form: validated before anything is "charged". */
export const cardFormSchema = z.object({
  cardName: z.string().trim().min(1, "Enter the name on the card.").max(100),
  cardNumber: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(
      z
        .string()
        .regex(/^\d{12,19}$/, "Enter the card number.")
        .refine(luhnValid, "This card number is not valid; check for a typo."),
    ),
  cardExpiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/, "Use MM/YY.")
    .refine((v) => {
      const [mm, yy] = v.split("/").map((p) => Number(p.trim()));
      const endOfMonth = Date.UTC(2000 + yy, mm, 1);
      return endOfMonth > Date.now();
    }, "This card has expired."),
  cardCvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, "Enter the 3 or 4 digit security code."),
});
export type CardForm = z.infer<typeof cardFormSchema>;
