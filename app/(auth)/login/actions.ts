"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/platform/auth/config";
import { describeRetry } from "@/lib/platform/auth/rate-limit";
import type { FormState } from "@/lib/platform/form-state";

export async function loginAction(_prev: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const values = { email };
  const fieldErrors: Record<string, string> = {};
  if (!email) fieldErrors.email = "Enter your email address.";
  if (!password) fieldErrors.password = "Enter your password.";
  if (Object.keys(fieldErrors).length) return { status: "error", fieldErrors, values, at: Date.now() };

  const next = String(form.get("next") ?? "");
  try {
    await signIn("credentials", {
      email,
      password,
      redirectTo: next.startsWith("/") && !next.startsWith("//") ? next : "/dashboard",
    });
    return { status: "ok" };
  } catch (e) {
    if (e instanceof AuthError) {
      const code =
        e instanceof CredentialsSignin
          ? e.code
          : ((e.cause?.err as CredentialsSignin | undefined)?.code ?? "");
      const limited = code.match(/^rate_limited:(\d+)$/);
      const message = limited
        ? `Too many failed sign-ins. Try again ${describeRetry(Number(limited[1]))}.`
        : "That email and password do not match an account.";
      return { status: "error", message, values, at: Date.now() };
    }
    throw e;
  }
}
