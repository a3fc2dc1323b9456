import { expect, type Page, test } from "@playwright/test";
import { apiClient, createApiKey } from "./support/api";
import { signIn } from "./support/auth";
import { startReceiver } from "./support/receiver";

const VIN = "1HGCM82633A004352";
// Changes made elsewhere must show on an open page within 2 s (it polls every second).
const LIVE = { timeout: 2_500 };

async function expectStatus(page: Page, label: string) {
  await expect(page.getByTestId("order-status")).toHaveText(label, LIVE);
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

  // The customer, with no account, pays through the link.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(new URL(payLink).pathname);
  await expect(customer.getByText("$475.00").first()).toBeVisible();
  await customer.getByLabel("Name on card").fill("Jordan Lee");
  await customer.getByLabel("Card number").fill("4000 0000 0000 0002");
  await customer.getByLabel("Expiry (MM/YY)").fill("12/34");
  await customer.getByLabel("CVC").fill("123");
  await customer.getByRole("button", { name: /^Pay/ }).click();
  await expect(customer.getByRole("alert").filter({ hasText: "Your card was declined." })).toBeVisible();
  await expect(customer.getByLabel("Name on card")).toHaveValue("Jordan Lee");
  await customer.getByLabel("Card number").fill("4242 4242 4242 4242");
  await customer.getByLabel("CVC").fill("123");
  await customer.getByRole("button", { name: /^Pay/ }).click();
  await expect(customer.getByRole("heading", { name: "Payment received" })).toBeVisible();
  const orderId =
    (
      await customer
        .getByText(/order_\w+/)
        .first()
        .textContent()
    )?.match(/order_\w+/)?.[0] ?? "";
  expect(orderId).toMatch(/^order_/);

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
  await expectStatus(staff, "Delayed");
  await expect(staff.getByTestId("status-reason")).toHaveText("Waiting for a bumper", LIVE);
  await ops.getByRole("button", { name: "Resume work" }).click();
  await expectStatus(staff, "In progress");
  await ops.getByRole("button", { name: "Complete" }).click();
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
  await expect(staff.getByText("$345.00").first()).toBeVisible();
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

  await Promise.all([
    staffContext.close(),
    customerContext.close(),
    opsContext.close(),
    otherContext.close(),
    receiver.close(),
  ]);
});

test("concierge search -> ops add a candidate -> staff turn it into a buy quote", async ({ browser }) => {
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, "admin@riverside.test");
  await staff.goto("/quotes/new?type=search");
  await staff.getByLabel("First name").fill("Ana");
  await staff.getByLabel("Last name").fill("Diaz");
  await staff.getByLabel("Email").fill("ana@example.test");
  await staff.getByLabel("ZIP code").fill("23220");
  await staff.getByLabel("Body style").selectOption("SUV");
  await staff.getByLabel("Year from").fill("2021");
  await staff.getByLabel("Year to").fill("2019");
  await staff.getByRole("button", { name: "Create search quote" }).click();
  await expect(staff.getByText("yearUpper must not be below yearLower.").first()).toBeVisible();
  await staff.getByLabel("Year to").fill("2024");
  await staff.getByRole("button", { name: "Create search quote" }).click();
  await expect(staff.getByRole("heading", { name: "Concierge Search quote" })).toBeVisible();
  staff.once("dialog", (d) => d.accept());
  await staff.getByRole("button", { name: "Charge dealer account" }).click();
  await expect(staff.getByRole("heading", { name: "Concierge Search", exact: true })).toBeVisible();
  const orderId = staff.url().split("/").pop() ?? "";

  const opsContext = await browser.newContext();
  const ops = await opsContext.newPage();
  await signIn(ops, "ops@forecourt.test");
  await ops.goto(`/service-orders/${orderId}`);
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
  await Promise.all([staffContext.close(), opsContext.close()]);
});
