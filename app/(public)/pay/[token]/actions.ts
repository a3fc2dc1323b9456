"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { isAppError } from "@/lib/platform/errors";
import type { FormState } from "@/lib/platform/form-state";
import { withRequestOrigin } from "@/lib/platform/origin";
import { payQuoteWithCard } from "@/lib/service-orders/service";

/** Set on a failed payment so the form can tell a decline from a typo. */
export interface PayErrorData {
  code: string;
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * The customer's card payment. No sign-in: the pay token in the link is the credential. On success
 * the page reloads as paid; a failure keeps the name and expiry but never echoes the card number or CVC.
 */
export async function payQuoteAction(
  _prev: FormState<PayErrorData>,
  form: FormData,
): Promise<FormState<PayErrorData>> {
  const token = text(form, "token");
  const input = {
    cardName: text(form, "cardName"),
    cardNumber: text(form, "cardNumber"),
    cardExpiry: text(form, "cardExpiry"),
    cardCvc: text(form, "cardCvc"),
  };
  const values = { cardName: input.cardName, cardExpiry: input.cardExpiry };
  const page = `/pay/${encodeURIComponent(token)}`;
  const at = Date.now();
  try {
    await withRequestOrigin(() => payQuoteWithCard(getDb(), token, input));
  } catch (e) {
    if (!isAppError(e)) {
      console.error("[pay] unexpected error", e);
      return { status: "error", message: "Something went wrong on our side. Try again.", values, at };
    }
    if (e.code === "card_declined") {
      return { status: "error", message: e.message, values, data: { code: e.code }, at };
    }
    if (e.status === 404) {
      return {
        status: "error",
        message: "This payment link is not valid. Ask your dealership to send it again.",
        values,
        at,
      };
    }
    // Already paid (another tab, a double submit) or no longer payable: the page shows which.
    if (e.status === 409) redirect(page);
    const fieldErrors: Record<string, string> = {};
    for (const issue of e.issues)
      if (issue.param && !fieldErrors[issue.param]) fieldErrors[issue.param] = issue.message;
    const hasFieldErrors = Object.keys(fieldErrors).length > 0;
    return {
      status: "error",
      message: hasFieldErrors ? undefined : e.message,
      fieldErrors,
      values,
      data: { code: e.code },
      at,
    };
  }
  redirect(`${page}?paid=1`);
}
