import { expect, type Page, test } from "@playwright/test";
import { apiClient, createApiKey } from "./support/api";
import { signIn } from "./support/auth";
import { startReceiver } from "./support/receiver";

const VIN = "1HGCM82633A004352";
// Changes made elsewhere must show on an open page within 2 s (it polls every second).
const LIVE = { timeout: 2_000 };

async function expectStatus(page: Page, label: string) {
  await expect(page.getByTestId("order-status")).toHaveText(label, LIVE);
}

/** Completing cannot be undone, so the page asks first. */
async function complete(ops: Page) {
  await ops.getByRole("button", { name: "Complete", exact: true }).click();
  const dialog = ops.getByRole("dialog", { name: "Mark this order completed?" });
  await dialog.getByRole("button", { name: "Complete order" }).click();
  await expect(dialog).toBeHidden();
}

async function payByCard(page: Page, card: string) {
  await page.getByLabel("Name on card").fill("Jordan Lee");
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM/YY)").fill("12/34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: /^Pay/ }).click();
}

async function orderIdOnPayPage(page: Page) {
  await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();
  const text = await page
    .getByText(/order_\w+/)
    .first()
    .textContent();
  const id = text?.match(/order_\w+/)?.[0] ?? "";
  expect(id).toMatch(/^order_/);
  return id;
}

test("reconditioning: quote -> customer pays (decline, then approve) -> ops works it -> staff page live -> webhooks -> invoice", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  const api = apiClient(createApiKey("riverside"));
  const endpoint = await api.post("/api/v1/webhooks", { url: receiver.url, events: ["service.*"] });
  const deal = await api.post("/api/v1/deals", {
    customer: { name: "Jordan Lee", email: "jordan@example.test" },
    vehicle: { vin: VIN, make: "Honda", model: "Accord", year: 2003 },
  });
  // Brakes placed directly on the dealer's account roll into the deal's total.
  const brakes = await api.post("/api/v1/service-orders", {
    type: "reconditioning",
    vin: VIN,
    items: ["brakes"],
    deal: deal.id,
  });

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, "staff@riverside.test");
  await staff.getByRole("link", { name: "Quotes" }).click();
  await staff.getByRole("link", { name: "New quote" }).click();
  // Bad input keeps what was typed and says what is wrong.
  await staff.getByLabel("VIN").fill("1HGCM82643A004352");
  await staff.getByRole("checkbox", { name: /Body & paint/ }).check();
  await staff.getByRole("button", { name: "Create quote" }).click();
  await expect(staff.getByText(/check digit/).first()).toBeVisible();
  await expect(staff.getByLabel("VIN")).toHaveValue("1HGCM82643A004352");
  await staff.getByLabel("VIN").fill(VIN);
  await staff.getByRole("checkbox", { name: /Body & paint/ }).check();
  await staff.getByRole("checkbox", { name: /Wash & detail/ }).check();
  await staff.getByLabel("Deal").selectOption(deal.id);
  await staff.getByLabel("Contact email").fill("jordan@example.test");
  await staff.getByRole("button", { name: "Create quote" }).click();
  await expect(staff.getByRole("heading", { name: "Reconditioning quote" })).toBeVisible();
  await expect(staff.getByTestId("quote-total")).toHaveText("$475.00");
  const payLink = (await staff.getByTestId("pay-link").textContent()) ?? "";
  expect(payLink).toMatch(/\/pay\/[\w-]{32}$/);
  const quoteId = new URL(staff.url()).pathname.split("/").pop() ?? "";
  expect(quoteId).toMatch(/^quote_/);

  // The customer, with no account, pays through the link.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(new URL(payLink).pathname);
  await expect(customer.getByText("$475.00").first()).toBeVisible();
  await payByCard(customer, "4000 0000 0000 0002");
  await expect(customer.getByRole("alert").filter({ hasText: "Your card was declined." })).toBeVisible();
  await expect(customer.getByLabel("Name on card")).toHaveValue("Jordan Lee");
  await customer.getByLabel("Card number").fill("4242 4242 4242 4242");
  await customer.getByLabel("CVC").fill("123");
  await customer.getByRole("button", { name: /^Pay/ }).click();
  const orderId = await orderIdOnPayPage(customer);

  // Staff open the order; it is pending.
  await staff.goto(`/service-orders/${orderId}`);
  await expectStatus(staff, "Pending");

  // Ops work the order in another browser; the staff page follows without reload.
  const opsContext = await browser.newContext();
  const ops = await opsContext.newPage();
  await signIn(ops, "ops@forecourt.test");
  await ops.getByRole("link", { name: "Operations" }).click();
  await ops.getByRole("link", { name: orderId }).click();
  await ops.getByRole("button", { name: "Start work" }).click();
  await expectStatus(staff, "In progress");
  await ops.getByText("Delay…").click();
  await ops.getByLabel("Reason for the delay").fill("Waiting for a bumper");
  await ops.getByLabel("New estimated completion").fill("2030-01-15T10:00");
  await ops.getByRole("button", { name: "Delay", exact: true }).click();
  await ops
    .getByRole("dialog", { name: "Delay this order?" })
    .getByRole("button", { name: "Delay order" })
    .click();
  await expectStatus(staff, "Delayed");
  await expect(staff.getByTestId("status-reason")).toHaveText("Waiting for a bumper", LIVE);
  await ops.getByRole("button", { name: "Resume work" }).click();
  await expectStatus(staff, "In progress");
  await complete(ops);
  await expectStatus(staff, "Completed");
  await expect(staff.getByRole("list", { name: "Order timeline" }).getByTestId("timeline-entry")).toHaveCount(
    5,
    LIVE,
  );

  // The receiver got every event, signed.
  await expect
    .poll(() =>
      receiver.received
        .map((r) => receiver.verify(endpoint.secret, r))
        .filter((p) => p.data.id === orderId)
        .map((p) => p.event),
    )
    .toEqual([
      "service.created",
      "service.updated",
      "service.updated",
      "service.updated",
      "service.completed",
    ]);

  // The deal invoice: brakes on account in the total; the card-paid order listed as paid separately.
  await staff.goto(`/deals/${deal.id}/invoice`);
  await expect(
    staff.getByRole("table", { name: "Charges" }).getByRole("row", { name: /Total due/ }),
  ).toHaveText(/Total due\s*\$345\.00/);
  await expect(staff.getByText(orderId)).toBeVisible();
  await expect(staff.getByText(brakes.id)).toBeVisible();
  const invoice = await api.get(`/api/v1/deals/${deal.id}/invoice`);
  expect(invoice.total).toBe(345);
  expect(invoice.paidSeparatelyTotal).toBe(475);

  // The customer's status page shows the outcome.
  await customer.getByRole("link", { name: "View your order status" }).click();
  await expect(customer.getByText("Completed").first()).toBeVisible();

  // Another dealer cannot open the order.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, "admin@bayview.test");
  expect((await other.goto(`/service-orders/${orderId}`))?.status()).toBe(404);
  expect((await other.goto(`/deals/${deal.id}`))?.status()).toBe(404);
  expect((await other.goto(`/quotes/${quoteId}`))?.status()).toBe(404);

  await Promise.all([
    staffContext.close(),
    customerContext.close(),
    opsContext.close(),
    otherContext.close(),
    receiver.close(),
  ]);
});

test("concierge search -> ops add a candidate -> staff turn it into a buy quote -> customer pays -> ops complete the buy", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, "admin@riverside.test");
  await staff.goto("/quotes/new?type=search");
  await staff.getByLabel("First name").fill("Ana");
  await staff.getByLabel("Last name").fill("Diaz");
  await staff.getByLabel("Email").fill("ana@example.test");
  await staff.getByLabel("ZIP code").fill("23220");
  await staff.getByLabel("Body style").selectOption("SUV");
  await expect(staff.getByLabel("Credit score")).toHaveValue("");
  await expect(staff.getByLabel("Credit score").locator("option").first()).toHaveText("No preference");
  await staff.getByLabel("Year from").fill("2021");
  await staff.getByLabel("Year to").fill("2019");
  await staff.getByLabel("Min mileage").fill("5000");
  await staff.getByLabel("Max mileage").fill("40000");
  await staff.getByRole("button", { name: "Create search quote" }).click();
  await expect(staff.getByText("“Year to” must not be before “Year from”.").first()).toBeVisible();
  await expect(staff.getByLabel("Min mileage")).toHaveValue("5000");
  await staff.getByLabel("Year to").fill("2024");
  await staff.getByRole("button", { name: "Create search quote" }).click();
  await expect(staff.getByRole("heading", { name: "Concierge Search quote" })).toBeVisible();
  await staff.getByRole("button", { name: "Charge dealer account" }).click();
  await staff
    .getByRole("dialog", { name: "Charge the dealership's account?" })
    .getByRole("button", { name: "Charge account" })
    .click();
  await expect(staff.getByRole("heading", { name: "Concierge Search", exact: true })).toBeVisible();
  const searchOrderId = staff.url().split("/").pop() ?? "";

  const opsContext = await browser.newContext();
  const ops = await opsContext.newPage();
  await signIn(ops, "ops@forecourt.test");
  await ops.goto(`/service-orders/${searchOrderId}`);
  await ops.getByRole("button", { name: "Start work" }).click();
  await ops.getByLabel("VIN").fill("5YJ3E1EA2KF317000");
  await ops.getByLabel("Year").fill("2022");
  await ops.getByLabel("Make").fill("Toyota");
  await ops.getByLabel("Model").fill("RAV4");
  await ops.getByLabel("Mileage").fill("18500");
  await ops.getByLabel("Price ($)").fill("27900");
  await ops.getByLabel("Location").fill("Norfolk, VA");
  await ops.getByRole("button", { name: "Add candidate" }).click();

  const candidate = staff.getByTestId("candidate");
  await expect(candidate).toContainText("2022 Toyota RAV4", LIVE);
  await candidate.getByText("Create buy quote…").click();
  await candidate.getByLabel("Delivery street").fill("12 Grace St");
  await candidate.getByLabel("City").fill("Richmond");
  await candidate.getByLabel("State").fill("VA");
  await candidate.getByRole("button", { name: "Create buy quote" }).click();
  await expect(staff.getByRole("heading", { name: "Concierge Buy quote" })).toBeVisible();
  await expect(staff.getByTestId("quote-total")).toHaveText("$28,399.00");
  await expect(staff.getByTestId("quote-estimate")).toContainText("if paid now");
  const payLink = (await staff.getByTestId("pay-link").textContent()) ?? "";

  // The buyer pays the buy quote on the pay page.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(new URL(payLink).pathname);
  await expect(customer.getByText("$28,399.00").first()).toBeVisible();
  await payByCard(customer, "4242 4242 4242 4242");
  const buyOrderId = await orderIdOnPayPage(customer);

  // The Concierge Buy order exists, and ops work it to completed while staff watch.
  await staff.goto(`/service-orders/${buyOrderId}`);
  await expect(staff.getByRole("heading", { name: "Concierge Buy", exact: true })).toBeVisible();
  await expectStatus(staff, "Pending");
  await ops.goto(`/service-orders/${buyOrderId}`);
  await ops.getByRole("button", { name: "Start work" }).click();
  await expectStatus(staff, "In progress");
  await complete(ops);
  await expectStatus(staff, "Completed");
  await expect(staff.getByTestId("order-payment")).toHaveText("Card (customer)");
  await Promise.all([staffContext.close(), opsContext.close(), customerContext.close()]);
});

test("staff cancel a quote (its link then says so) and place an order choosing the deal on purpose", async ({
  browser,
}) => {
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, "staff@riverside.test");
  await staff.goto("/quotes/new");
  await staff.getByLabel("VIN").fill(VIN);
  await staff.getByRole("checkbox", { name: /Glass/ }).check();
  await staff.getByRole("button", { name: "Create quote" }).click();
  await expect(staff.getByRole("heading", { name: "Reconditioning quote" })).toBeVisible();
  const payLink = (await staff.getByTestId("pay-link").textContent()) ?? "";
  await staff.getByText("Cancel quote…").click();
  await staff.getByLabel("Reason (optional)").fill("Customer sold the car");
  await staff.getByRole("button", { name: "Cancel quote", exact: true }).click();
  await staff
    .getByRole("dialog", { name: "Cancel this quote?" })
    .getByRole("button", { name: "Cancel quote" })
    .click();
  await expect(staff.getByText(/Canceled on .*: Customer sold the car/)).toBeVisible();
  await expect(staff.getByTestId("pay-link")).toHaveCount(0);
  await expect(staff.getByRole("button", { name: "Charge dealer account" })).toHaveCount(0);

  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(new URL(payLink).pathname);
  await expect(customer.getByRole("heading", { name: "This quote was canceled" })).toBeVisible();
  await expect(customer.getByRole("button", { name: /^Pay/ })).toHaveCount(0);

  // Place order asks for the deal explicitly and keeps what was typed.
  await staff.goto("/service-orders/new");
  await staff.getByLabel("VIN").fill(VIN);
  await staff.getByLabel("Stock number").fill("R-1001");
  await staff.getByRole("checkbox", { name: /Tires/ }).check();
  await staff.getByRole("button", { name: "Place order on account" }).click();
  await expect(staff.getByText(/Choose the deal this order belongs to/).first()).toBeVisible();
  await expect(staff.getByLabel("Stock number")).toHaveValue("R-1001");
  await expect(staff.getByRole("checkbox", { name: /Tires/ })).toBeChecked();
  await staff.getByLabel("Deal").selectOption({ label: "No deal" });
  await staff.getByRole("button", { name: "Place order on account" }).click();
  await expect(staff.getByRole("heading", { name: `Reconditioning · ${VIN}` })).toBeVisible();
  await expectStatus(staff, "Pending");

  // The list finds it by the VIN's tail, whatever the case of the stock number.
  await staff.goto(`/service-orders?q=${VIN.slice(-6)}`);
  await expect(staff.getByRole("link", { name: /^order_/ }).first()).toBeVisible();
  await staff.goto("/service-orders?q=r-100");
  await expect(staff.getByRole("link", { name: /^order_/ })).toHaveCount(1);
  await staff.goto("/service-orders?q=nothing-like-this");
  await expect(staff.getByRole("heading", { name: "No service orders match these filters" })).toBeVisible();
  await staff.goto("/service-orders?from=2026-13-45");
  await expect(staff.getByText(/Enter a real date/)).toBeVisible();
  await Promise.all([staffContext.close(), customerContext.close()]);
});

test("service-order pages fit 375 px, dialogs included", async ({ browser }) => {
  const api = apiClient(createApiKey("riverside"));
  const quote = await api.post("/api/v1/quotes", {
    type: "reconditioning",
    vin: VIN,
    items: ["glass", "tires"],
  });
  const order = await api.post("/api/v1/service-orders", {
    type: "reconditioning",
    vin: VIN,
    items: ["brakes"],
  });
  const deal = await api.post("/api/v1/deals", { customer: { name: "Narrow Nell" }, orders: [order.id] });
  const noOverflow = async (page: Page, path: string) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  };
  const viewport = { width: 375, height: 800 };
  const staffContext = await browser.newContext({ viewport });
  const staff = await staffContext.newPage();
  await signIn(staff, "staff@riverside.test");
  for (const path of [
    "/service-orders",
    "/service-orders?from=2026-13-45",
    "/service-orders/new",
    `/quotes/${quote.id}`,
    "/quotes",
    `/deals/${deal.id}`,
    `/deals/${deal.id}/invoice`,
    "/deals",
    "/dashboard",
  ])
    await noOverflow(staff, path);

  const opsContext = await browser.newContext({ viewport });
  const ops = await opsContext.newPage();
  await signIn(ops, "ops@forecourt.test");
  await noOverflow(ops, "/operations");
  await noOverflow(ops, `/service-orders/${order.id}`);
  await ops.getByText("Delay…").click();
  await ops.getByLabel("Reason for the delay").fill("Rotor on order");
  await ops.getByLabel("New estimated completion").fill("2031-02-01T09:30");
  await ops.getByRole("button", { name: "Delay", exact: true }).click();
  const dialog = ops.getByRole("dialog", { name: "Delay this order?" });
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
  await dialog.getByRole("button", { name: "Delay order" }).click();
  await expectStatus(ops, "Delayed");
  // 09:30 in Richmond (New York time) is 14:30 UTC in February.
  expect((await api.get(`/api/v1/service-orders/${order.id}`)).estimatedTime).toBe(
    "2031-02-01T14:30:00.000Z",
  );
  await Promise.all([staffContext.close(), opsContext.close()]);
});
