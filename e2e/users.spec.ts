import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

test("an admin adds a user, who signs in; disabling the user ends that session at once", async ({
  browser,
}) => {
  const email = `new.staff.${Date.now()}@bayview.test`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@bayview.test");
  await admin.goto("/settings/users");
  // A too-short password is refused next to the field; the rest stays typed.
  await admin.getByLabel("Name").fill("Nina New");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Initial password").fill("short");
  await admin.getByRole("button", { name: "Add user" }).click();
  // The message stands next to the field (a toast repeats it).
  await expect(
    admin.locator("[data-slot=field-error]", { hasText: "Use at least 10 characters." }),
  ).toBeVisible();
  await expect(admin.getByLabel("Email")).toHaveValue(email);
  await admin.getByLabel("Initial password").fill("a-long-enough-password");
  await admin.getByRole("button", { name: "Add user" }).click();
  await expect(admin.getByRole("cell", { name: email })).toBeVisible();

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signIn(user, email, "a-long-enough-password");
  await expect(user.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  await admin.getByRole("button", { name: "Disable Nina New" }).click();
  await expect(admin.getByRole("row", { name: new RegExp(email) }).getByText("Disabled")).toBeVisible();

  await user.getByRole("link", { name: "Service orders" }).click();
  await expect(user).toHaveURL(/\/login/);
  // And the password no longer works.
  await user.getByLabel("Email").fill(email);
  await user.getByLabel("Password").fill("a-long-enough-password");
  await user.getByRole("button", { name: "Sign in" }).click();
  await expect(user.getByText("That email and password do not match an account.")).toBeVisible();
  await Promise.all([adminContext.close(), userContext.close()]);
});
