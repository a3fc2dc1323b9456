import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { startReceiver } from "./support/receiver";

test.describe("platform foundation", () => {
  test("a wrong password shows an error and keeps the email", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("Email").fill("admin@riverside.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("admin@riverside.test");
  });

  test("admin creates an API key, adds a webhook endpoint, sends a test event and sees the 200", async ({
    page,
    request,
  }) => {
    const receiver = await startReceiver();
    try {
      await signIn(page, "admin@riverside.test");
      await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

      // API key: shown once, then only its prefix.
      await page.getByRole("link", { name: "Settings" }).click();
      await page
        .getByRole("navigation", { name: "Settings" })
        .getByRole("link", { name: "API keys" })
        .click();
      await page.getByLabel("Name").fill("DMS sync");
      await page.getByRole("button", { name: "Create API key" }).click();
      const revealed = page.getByTestId("revealed-secret");
      await expect(revealed).toHaveText(/^fc_live_[A-Za-z0-9]{32}$/);
      const key = (await revealed.textContent()) ?? "";
      await expect(page.getByRole("cell", { name: "DMS sync", exact: true })).toBeVisible();
      await page.reload();
      await expect(page.getByTestId("revealed-secret")).toHaveCount(0);
      await expect(page.getByRole("cell", { name: `${key.slice(0, 14)}…` })).toBeVisible();
      const api = await request.get("/api/v1/webhooks", { headers: { authorization: `Bearer ${key}` } });
      expect(api.status()).toBe(200);

      // Webhook endpoint pointing at the receiver.
      await page.getByRole("link", { name: "Webhooks" }).click();
      await page.getByLabel("Endpoint URL").fill(receiver.url);
      await page.getByLabel("Description").fill("Test receiver");
      await page.getByRole("button", { name: "Add endpoint" }).click();
      const secretBox = page.getByTestId("revealed-secret");
      await expect(secretBox).toHaveText(/^whsec_/);
      const secret = (await secretBox.textContent()) ?? "";
      await page.getByRole("link", { name: receiver.url }).click();

      // Send a test event; the receiver verifies the signature; the log shows the 200 without reload.
      await page.getByRole("button", { name: "Send test event" }).click();
      await expect.poll(() => receiver.received.length).toBe(1);
      const payload = receiver.verify(secret, receiver.received[0]);
      expect(payload.event).toBe("webhook.test");
      const delivery = page.getByTestId("delivery").first();
      await expect(delivery).toContainText("webhook.test");
      await expect(delivery).toContainText("last HTTP 200");
      await delivery.getByText("webhook.test").click();
      await expect(delivery.getByTestId("attempt-status")).toHaveText("HTTP 200");

      // Resend from the log: same webhook-id.
      await delivery.getByRole("button", { name: "Resend" }).click();
      await expect.poll(() => receiver.received.length).toBe(2);
      expect(receiver.received[1].id).toBe(receiver.received[0].id);

      // The delivery log page filters by status and event type through the URL.
      await page.goto("/webhooks/log?status=succeeded&event=webhook.test");
      await expect(page.getByTestId("delivery")).toHaveCount(2);
      await page.goto("/webhooks/log?status=failed");
      await expect(page.getByText("No deliveries")).toBeVisible();
    } finally {
      await receiver.close();
    }
  });

  test("another dealer's admin gets 404 on the endpoint page", async ({ browser }) => {
    const a = await browser.newContext();
    const pageA = await a.newPage();
    await signIn(pageA, "admin@riverside.test");
    await pageA.goto("/webhooks");
    await pageA.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/private-to-riverside");
    await pageA.getByRole("button", { name: "Add endpoint" }).click();
    const link = pageA.getByRole("link", { name: "http://127.0.0.1:9/private-to-riverside" });
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/webhooks\/whk_/);

    const b = await browser.newContext();
    const pageB = await b.newPage();
    await signIn(pageB, "admin@bayview.test");
    const res = await pageB.goto(href ?? "");
    expect(res?.status()).toBe(404);
    await a.close();
    await b.close();
  });

  test("sign-out ends the session", async ({ page }) => {
    await signIn(page, "staff@riverside.test");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login/);
  });

  test("the portal works at 375 px wide", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await signIn(page, "admin@riverside.test");
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test("API docs are generated from the schemas", async ({ page, request }) => {
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    expect(doc.paths["/api/v1/webhooks"].post.requestBody).toBeTruthy();
    await signIn(page, "staff@riverside.test");
    await page.getByRole("link", { name: "API docs" }).click();
    await expect(page.getByText("/api/v1/webhooks/{id}/rotate-secret")).toBeVisible();
  });
});
