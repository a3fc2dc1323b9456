"use server";

import { formAction } from "@/lib/platform/actions";
import type { FormState } from "@/lib/platform/form-state";
import { createApiKey, revokeApiKey } from "@/lib/platform/identity/api-keys";
import { changeOwnPassword, createUser, setUserDisabled } from "@/lib/platform/identity/users";

export async function changePasswordAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) =>
      changeOwnPassword(db, actor, {
        currentPassword: form.get("currentPassword"),
        newPassword: form.get("newPassword"),
        confirmPassword: form.get("confirmPassword"),
      }),
    { success: "Password changed. Your other sessions were signed out." },
  );
}

export async function createUserAction(_prev: FormState, form: FormData) {
  return formAction(
    form,
    ({ db, actor }) =>
      createUser(db, actor, {
        email: form.get("email"),
        name: form.get("name"),
        role: form.get("role"),
        password: form.get("password"),
      }),
    { success: (u) => `${u.email} can now sign in.`, revalidate: ["/settings/users"] },
  );
}

export async function setUserDisabledAction(_prev: FormState, form: FormData) {
  const disabled = form.get("disabled") === "true";
  return formAction(
    form,
    ({ db, actor }) => setUserDisabled(db, actor, String(form.get("userId")), disabled),
    {
      success: disabled ? "User disabled and signed out." : "User enabled.",
      revalidate: ["/settings/users"],
    },
  );
}

export async function createApiKeyAction(_prev: FormState, form: FormData) {
  const access = String(form.get("access") ?? "");
  const scopes = access === "full" ? ["*"] : form.getAll("scopes").map(String);
  return formAction(
    form,
    ({ db, actor }) => createApiKey(db, actor, { name: String(form.get("name") ?? ""), scopes }),
    {
      success: "API key created. Copy it now.",
      revalidate: ["/settings/api-keys"],
    },
  );
}

export async function revokeApiKeyAction(_prev: FormState, form: FormData) {
  return formAction(form, ({ db, actor }) => revokeApiKey(db, actor, String(form.get("keyId"))), {
    success: "API key revoked.",
    revalidate: ["/settings/api-keys"],
  });
}
