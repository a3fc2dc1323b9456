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
  // The OEM's own endpoint, managed with its key: it hears about its carts and orders too.
  const oemEndpoint = await apiClient(oemKey).post("/api/v1/webhooks", {
    url: receiver.url,
    events: ["placed_order.*"],
  });
  const campaign = `e2e-${Date.now()}`;

  // The contract's own path, as the source writes it (trailing slash: a 308 to the route, body
  // kept); a state that is off goes native.
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
  // Cancel returns to the OEM's cart page.
  await expect(buyer.getByRole("link", { name: "Cancel and return to Aurora Motors" })).toHaveAttribute(
    "href",
    "https://shop.aurora.example/cart",
  );
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
  const signedWith = (secret: string) =>
    receiver.received.flatMap((r) => {
      try {
        return [receiver.verify(secret, r)];
      } catch {
        return []; // signed for another endpoint
      }
    });
  const ours = () =>
    signedWith(endpoint.secret).filter(
      (p) => p.data.id === created.json.checkoutCartId || p.data.id === orderId,
    );
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
  // The OEM's endpoint got the placed order as well, signed with its own secret.
  await expect
    .poll(
      () =>
        signedWith(oemEndpoint.secret)
          .filter((p) => p.data.id === orderId)
          .map((p) => p.event),
      {
        timeout: 15_000,
      },
    )
    .toEqual(expect.arrayContaining(["placed_order.created", "placed_order.updated"]));

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

test("the price changes while the buyer is on the card form -> nothing is charged, the new total shows -> pay it -> start another order", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const oemKey = createOemApiKey("aurora");
  const id = `e2e-price-${Date.now()}`;
  const body = (items: Record<string, { name: string; price: number }[]>) => ({
    id,
    oemKey: "aurora",
    variants: [{ variantConfigId: "ELAN" }],
    registrationState: "VA",
    items,
    cancelUrl: "https://shop.aurora.example/cart",
    nativeDefaultCheckoutUrl: "https://shop.aurora.example/checkout",
  });
  const created = await postCart("/checkoutCart_oncreate_v2", oemKey, body({}));
  expect(created.status).toBe(200);

  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const buyer = await context.newPage();
  await buyer.goto(new URL(created.json.checkoutUrl).pathname);
  await buyer.getByRole("button", { name: "Start checkout" }).click();
  await buyer.getByLabel("First name").fill("Alex");
  await buyer.getByLabel("Last name").fill("Kim");
  await buyer.getByLabel("Email").fill("alex.kim@example.com");
  await buyer.getByLabel("Phone").fill("804-555-0123");
  await buyer.getByRole("button", { name: "Continue to delivery" }).click();
  await buyer.getByRole("button", { name: "Continue to registration" }).click();
  // At 375 px the city field keeps a usable width.
  const city = buyer.getByLabel("Registration address: City");
  expect((await city.boundingBox())?.width ?? 0).toBeGreaterThan(250);
  await buyer.getByLabel("Registration address: Street").fill("1200 W Broad St");
  await city.fill("Richmond");
  await buyer.getByLabel("Registration address: ZIP").fill("23220");
  await buyer.getByRole("button", { name: "Continue to payment" }).click();
  await buyer.getByLabel(/Reserve with a deposit/).check();
  await buyer.getByRole("button", { name: "Continue to card details" }).click();
  await expect(buyer.getByRole("button", { name: /^Pay \$500\.00/ })).toBeVisible();

  // Meanwhile the OEM overwrites the cart with a merchandise item (paid in full today).
  const updated = await postCart(
    "/checkoutCart_oncreate_v2",
    oemKey,
    body({ cap: [{ name: "Aurora Cap", price: 29 }] }),
  );
  expect(updated.json.checkoutCartId).toBe(id);

  await buyer.getByLabel("Name on card").fill("Alex Kim");
  await buyer.getByLabel("Card number").fill("4242 4242 4242 4242");
  await buyer.getByLabel("Expiry (MM/YY)").fill("12/34");
  await buyer.getByLabel("CVC").fill("123");
  await buyer.getByRole("button", { name: /^Pay \$500\.00/ }).click();
  await expect(
    buyer.getByRole("alert").filter({ hasText: "Prices changed, review the new total." }),
  ).toBeVisible();
  await expect(buyer.getByTestId("due-today")).toHaveText("$529.00");
  await expect(buyer.getByRole("list", { name: "Items" })).toContainText("Aurora Cap");

  await buyer.getByLabel("Card number").fill("4242 4242 4242 4242");
  await buyer.getByLabel("CVC").fill("123");
  await buyer.getByRole("button", { name: /^Pay \$529\.00/ }).click();
  await expect(buyer.getByRole("region", { name: "Order confirmation" })).toContainText("Paid today $529.00");

  // A MULTI_USE link: the same browser can start another order.
  await buyer.getByRole("button", { name: "Start another order" }).click();
  await expect(buyer.getByLabel("First name")).toBeVisible();
  await context.close();
});

test("ops see the OEM's webhook endpoints on its configuration page; a product an open cart sells cannot be deleted", async ({
  page,
}) => {
  const oemKey = createOemApiKey("aurora");
  const url = `https://hooks.aurora.example/e2e-${Date.now()}`;
  await apiClient(oemKey).post("/api/v1/webhooks", { url, events: ["placed_order.*"] });

  await signIn(page, "ops@forecourt.test");
  await page.goto("/checkout/oems");
  await page.getByRole("link", { name: "Aurora Motors" }).click();
  await expect(page.getByRole("list", { name: "OEM webhook endpoints" })).toContainText(url);

  // The demo carts sell the Elan.
  await page.getByRole("button", { name: "Delete Aurora Elan" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: /open carts? sells? the Aurora Elan/ }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Aurora Elan" })).toBeVisible();

  // A product id that would reuse an existing variantConfigId is refused next to the field.
  const newProduct = page.locator("form").filter({ has: page.getByLabel("Product id") });
  await newProduct.getByLabel("Product id").fill("ELAN-RoofRack");
  await newProduct.getByLabel("Product name").fill("Clash");
  await newProduct.getByLabel("Model year").fill("2026");
  await newProduct.getByLabel("Base price ($)").fill("1000");
  await newProduct.getByRole("button", { name: "Save product" }).click();
  await expect(newProduct.getByText(/the same variantConfigId ELAN-RoofRack/)).toBeVisible();
  await expect(newProduct.getByLabel("Product name")).toHaveValue("Clash");
});
