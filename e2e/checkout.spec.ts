import { expect, test } from "@playwright/test";
import { apiClient, createApiKey, createOemApiKey } from "./support/api";
import { signIn } from "./support/auth";
import { startReceiver } from "./support/receiver";

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3123}`;

async function postCart(path: string, key: string, body: unknown) {
  const res = await fetch(`${BASE}${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${key}`,
      "content-type": "application/json",
      "idempotency-key": crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

test("an OEM posts a cart -> a buyer checks out on a phone (declined, then approved) -> staff fulfil the placed order -> webhooks -> the single-use link is used", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const receiver = await startReceiver();
  const dealerApi = apiClient(createApiKey("riverside"));
  const endpoint = await dealerApi.post("/api/v1/webhooks", {
    url: receiver.url,
    events: ["checkout_cart.*", "placed_order.*"],
  });
  const oemKey = createOemApiKey("aurora");
  const campaign = `e2e-${Date.now()}`;

  // The contract's own path (rewritten to /api/v1/checkout-carts); a state that is off goes native.
  const native = await postCart("/checkoutCart_oncreate/", oemKey, {
    oemKey: "aurora",
    variants: [{ variantConfigId: "ELAN" }],
    registrationState: "TX",
    cancelUrl: "https://shop.aurora.example/cart",
    nativeDefaultCheckoutUrl: "https://shop.aurora.example/checkout",
  });
  expect(native.status).toBe(200);
  expect(native.json).toMatchObject({
    checkoutUrl: "https://shop.aurora.example/checkout",
    checkoutCartId: null,
  });
  expect(native.json.message).toMatch(/registered in TX/);

  const created = await postCart("/checkoutCart_oncreate_v2", oemKey, {
    oemKey: "aurora",
    variants: [
      { variantConfigId: "ELAN-AllWeatherFloorMats-RoofRack", metadata: { color: "Glacier White" } },
    ],
    registrationState: "VA",
    source: "e2e-newsletter",
    linkUseType: "SINGLE_USE",
    ecommOrderId: "shop-order-77",
    items: { "aurora-cap": [{ name: "Aurora Cap", price: 29 }] },
    cancelUrl: "https://shop.aurora.example/cart",
    nativeDefaultCheckoutUrl: "https://shop.aurora.example/checkout",
    placedOrderMetadata: { campaign, utm: { source: "newsletter" } },
    customLinkConfig: {
      prefilledInfo: { buyerFirstName: "Jordan", buyerLastName: "Lee", buyerPhone: "804-555-0199" },
    },
  });
  expect(created.status).toBe(200);
  expect(created.json.checkoutCartId).toMatch(/^cart_/);
  expect(created.json.message).toMatch(/fulfilled by Riverside Motors/);
  const link = new URL(created.json.checkoutUrl).pathname;

  // The buyer, on a phone, no account.
  const buyerContext = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const buyer = await buyerContext.newPage();
  await buyer.goto(link);
  await expect(buyer.getByRole("heading", { name: "Check out with Aurora Motors" })).toBeVisible();
  await expect(buyer.getByTestId("cart-vehicle")).toContainText("2026 Aurora Elan");
  await expect(buyer.getByTestId("cart-vehicle")).toContainText("Roof Rack");
  await expect(buyer.getByRole("list", { name: "Items" })).toContainText("Aurora Cap");
  // 42,900 + 220 + 540 + 29 cap + 1,295 destination + 85 documentation.
  await expect(buyer.getByTestId("cart-total")).toHaveText("$45,069.00");
  await buyer.getByRole("button", { name: "Start checkout" }).click();

  // Buyer details are prefilled from the cart; a bad email is refused and nothing typed is lost.
  await expect(buyer.getByLabel("First name")).toHaveValue("Jordan");
  await buyer.getByLabel("Email").fill("jordan@");
  await buyer.getByRole("button", { name: "Continue to delivery" }).click();
  await expect(buyer.getByText("Enter a valid email address.")).toBeVisible();
  await expect(buyer.getByLabel("Last name")).toHaveValue("Lee");
  await buyer.getByLabel("Email").fill("jordan.lee@example.com");
  await buyer.getByRole("button", { name: "Continue to delivery" }).click();

  await expect(buyer.getByLabel("Pick up at a dealer")).toBeChecked();
  await expect(buyer.getByLabel("Pick-up dealer")).toHaveValue(/dlr_/);
  await buyer.getByRole("button", { name: "Continue to registration" }).click();

  await buyer.getByLabel("Registration address: Street").fill("1200 W Broad St");
  await buyer.getByLabel("Registration address: City").fill("Richmond");
  await expect(buyer.getByLabel("Registration address: State")).toHaveValue("VA");
  await buyer.getByLabel("Registration address: ZIP").fill("23220");
  await buyer.getByRole("button", { name: "Continue to payment" }).click();

  await buyer.getByLabel(/Pay in full/).check();
  await buyer.getByRole("button", { name: "Continue to card details" }).click();
  await expect(buyer.getByTestId("due-today")).toHaveText("$45,069.00");

  await buyer.getByLabel("Name on card").fill("Jordan Lee");
  await buyer.getByLabel("Card number").fill("4000 0000 0000 0002");
  await buyer.getByLabel("Expiry (MM/YY)").fill("12/34");
  await buyer.getByLabel("CVC").fill("123");
  await buyer.getByRole("button", { name: /^Pay \$45,069\.00/ }).click();
  await expect(
    buyer.getByRole("alert").filter({ hasText: "Your card was declined. Try another card." }),
  ).toBeVisible();
  await expect(buyer.getByLabel("Name on card")).toHaveValue("Jordan Lee");

  await buyer.getByLabel("Card number").fill("4242 4242 4242 4242");
  await buyer.getByLabel("CVC").fill("123");
  await buyer.getByRole("button", { name: /^Pay \$45,069\.00/ }).click();
  const confirmation = buyer.getByRole("region", { name: "Order confirmation" });
  await expect(confirmation).toContainText("Your order is placed");
  await expect(confirmation).toContainText("visa ending 4242");
  const orderId = (await confirmation.locator(".font-mono").first().textContent())?.trim() ?? "";
  expect(orderId).toMatch(/^po_/);

  // The fulfilling dealer's staff see the order with the OEM's metadata and fulfil it.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, "staff@riverside.test");
  await staff.getByRole("link", { name: "Checkout" }).first().click();
  await expect(staff.getByRole("heading", { name: "Checkout carts" })).toBeVisible();
  await staff.getByRole("link", { name: "Placed orders" }).click();
  await staff.getByRole("link", { name: orderId }).click();
  await expect(staff.getByTestId("order-metadata")).toContainText(campaign);
  await expect(staff.getByTestId("order-metadata")).toContainText('"source": "newsletter"');
  await expect(staff.getByText("shop-order-77")).toBeVisible();
  await expect(staff.getByTestId("order-statuses")).toContainText("Fully paid");
  await expect(staff.getByTestId("order-statuses")).toContainText("Unfulfilled");
  await staff.getByRole("button", { name: "Mark ready to fulfill" }).click();
  await expect(staff.getByTestId("order-statuses")).toContainText("Ready to fulfill");

  // The dealer's webhook receiver heard every step, signed.
  const ours = () =>
    receiver.received
      .map((r) => receiver.verify(endpoint.secret, r))
      .filter((p) => p.data.id === created.json.checkoutCartId || p.data.id === orderId);
  await expect
    .poll(
      () =>
        ours()
          .map((p) => p.event)
          .sort(),
      { timeout: 15_000 },
    )
    .toEqual(
      [
        "checkout_cart.created",
        "checkout_cart.opened",
        "checkout_cart.payment_failed",
        "checkout_cart.placed",
        "placed_order.created",
        "placed_order.updated",
      ].sort(),
    );
  const placed = ours().find((p) => p.event === "placed_order.created");
  expect(placed?.data).toMatchObject({ placedOrderMetadata: { campaign }, card: { last4: "4242" } });

  // The SINGLE_USE link now says it was used, to anyone opening it.
  const laterContext = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const later = await laterContext.newPage();
  await later.goto(link);
  await expect(
    later.getByRole("heading", { name: "This checkout link has already been used" }),
  ).toBeVisible();
  await expect(later.getByRole("button", { name: "Start checkout" })).toHaveCount(0);

  await Promise.all([buyerContext.close(), staffContext.close(), laterContext.close(), receiver.close()]);
});
