"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import {
  assertCheckoutSession,
  CHECKOUT_STEPS,
  type CheckoutStep,
  openCheckout,
  payCheckout,
  saveCheckoutStep,
  startCheckout,
} from "@/lib/checkout/checkout-flow";
import { invalid, isAppError } from "@/lib/platform/errors";
import type { FormState } from "@/lib/platform/form-state";
import { withRequestOrigin } from "@/lib/platform/origin";
import { nestedInput, SESSION_COOKIE, typedValues } from "./form-input";

/**
 * The buyer's checkout actions. No sign-in: the link's token finds the cart and the session
 * cookie (set by "Start checkout", scoped to this link's path) finds this buyer's answers; each
 * action touches only that cart. Every step is validated on the server; prices are never read
 * from the form.
 */

export interface CheckoutErrorData {
  code: string;
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const pagePath = (token: string) => `/checkout/${encodeURIComponent(token)}`;

async function sessionSecret(): Promise<string | null> {
  return (await cookies()).get(SESSION_COOKIE)?.value ?? null;
}

function failure(e: unknown, values: Record<string, string>): FormState<CheckoutErrorData> {
  const at = Date.now();
  if (!isAppError(e)) {
    console.error("[checkout] unexpected error", e);
    return { status: "error", message: "Something went wrong on our side. Try again.", values, at };
  }
  const fieldErrors: Record<string, string> = {};
  for (const issue of e.issues)
    if (issue.param && !fieldErrors[issue.param]) fieldErrors[issue.param] = issue.message;
  return {
    status: "error",
    message: Object.keys(fieldErrors).length ? "Check the highlighted fields." : e.message,
    fieldErrors,
    values,
    data: { code: e.code },
    at,
  };
}

/**
 * The page's beacon, sent once after hydration: a person (not a link preview) opened the link.
 * An unknown token is ignored, like any beacon.
 */
export async function openedAction(token: string): Promise<void> {
  if (typeof token !== "string") return;
  try {
    openCheckout(getDb(), token);
  } catch (e) {
    if (!isAppError(e)) throw e;
  }
}

export async function startCheckoutAction(_prev: FormState<CheckoutErrorData>, form: FormData) {
  const token = text(form, "token");
  let secret: string;
  try {
    ({ secret } = startCheckout(getDb(), token, await sessionSecret()));
  } catch (e) {
    if (isAppError(e) && e.status === 409) redirect(pagePath(token));
    return failure(e, {});
  }
  const h = await headers();
  (await cookies()).set(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: "lax",
    secure: h.get("x-forwarded-proto") === "https",
    path: pagePath(token),
    maxAge: 30 * 86_400,
  });
  redirect(`${pagePath(token)}?step=buyer`);
}

export async function saveStepAction(
  _prev: FormState<CheckoutErrorData>,
  form: FormData,
): Promise<FormState<CheckoutErrorData>> {
  const token = text(form, "token");
  const step = text(form, "step") as CheckoutStep;
  const values = typedValues(form);
  let next: CheckoutStep;
  try {
    const db = getDb();
    const secret = await sessionSecret();
    // Who is asking comes first: nothing from the form is read for a link or session that is not live.
    assertCheckoutSession(db, token, secret);
    if (!CHECKOUT_STEPS.includes(step) || step === "pay") throw invalid("step", "Unknown step.");
    const input = nestedInput(form, { skip: ["token", "step"] });
    ({ next } = saveCheckoutStep(db, token, secret, step, input));
  } catch (e) {
    // Session gone or order already placed: the page shows where the buyer stands.
    if (isAppError(e) && (e.status === 409 || e.code === "session_missing")) redirect(pagePath(token));
    return failure(e, values);
  }
  redirect(`${pagePath(token)}?step=${next}`);
}

export async function payAction(
  _prev: FormState<CheckoutErrorData>,
  form: FormData,
): Promise<FormState<CheckoutErrorData>> {
  const token = text(form, "token");
  const values = typedValues(form);
  const secret = await sessionSecret();
  try {
    await withRequestOrigin(() =>
      payCheckout(getDb(), token, secret, {
        cardName: text(form, "cardName"),
        cardNumber: text(form, "cardNumber"),
        cardExpiry: text(form, "cardExpiry"),
        cardCvc: text(form, "cardCvc"),
        cartRevision: text(form, "cartRevision"),
        shownDueNowCents: text(form, "shownDueNowCents"),
      }),
    );
  } catch (e) {
    // Nothing was charged: the page renders again with the new total, the message says why.
    if (isAppError(e) && (e.code === "price_changed" || e.code === "cart_changed")) {
      revalidatePath(pagePath(token));
      return { status: "error", message: e.message, values, data: { code: e.code }, at: Date.now() };
    }
    if (isAppError(e) && (e.status === 409 || e.code === "session_missing")) redirect(pagePath(token));
    if (isAppError(e) && e.code === "card_declined")
      return { status: "error", message: e.message, values, data: { code: e.code }, at: Date.now() };
    // A step no longer valid (e.g. the pick-up dealer was removed): back to that step.
    if (isAppError(e) && CHECKOUT_STEPS.includes(e.param as CheckoutStep))
      redirect(`${pagePath(token)}?step=${e.param}`);
    return failure(e, values);
  }
  redirect(`${pagePath(token)}?step=done`);
}
