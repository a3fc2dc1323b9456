import { expect, type Page, test } from "@playwright/test";
import { apiClient, createApiKey } from "./support/api";
import { signIn } from "./support/auth";
import { startReceiver } from "./support/receiver";

// Changes made elsewhere must show on an open page within 2 s.
const LIVE = { timeout: 2_500 };

/** Riverside Motors' clock: the booking form and both boards read times on it, not the browser's. */
const DEALER_ZONE = "America/New_York";

/** Tomorrow at `hour` on the dealer's clock, as a datetime-local value. */
function tomorrowAt(hour: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: DEALER_ZONE }).format(new Date());
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return `${tomorrow}T${String(hour).padStart(2, "0")}:00`;
}

async function fillPlace(page: Page, legend: string, place: Record<string, string>) {
  for (const [label, value] of Object.entries(place))
    await page.getByLabel(`${legend}: ${label}`, { exact: true }).fill(value);
}

test("staff book a loaner swap -> a driver steps both legs -> the customer's tracking page follows -> SMS and webhooks", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const receiver = await startReceiver();
  const api = apiClient(createApiKey("riverside"));
  const endpoint = await api.post("/api/v1/webhooks", { url: receiver.url, events: ["move.*"] });
  const stock = `LN-${Date.now() % 100000}`;
  await api.post("/api/v1/loaners", {
    stock,
    make: "Toyota",
    model: "Camry",
    year: "2024",
    color: "gray",
  });

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, "staff@riverside.test");
  await staff.getByRole("link", { name: "Moves" }).click();
  await staff.getByRole("link", { name: "Book a move" }).click();
  await staff.getByLabel("Customer name").fill("Harry Stevens");
  await staff.getByLabel("Customer phone").fill("804-555-0142");
  await staff.getByLabel("Appointment").fill(tomorrowAt(10));
  await staff.getByLabel("Customer action").selectOption("pickup");
  await fillPlace(staff, "Service center", {
    name: "Denny's Automobiles",
    street: "11161 Research Plaza Way",
    city: "Richmond",
    state: "VA",
    ZIP: "23236",
  });
  // A ZIP in another state is refused and what was typed stays.
  await fillPlace(staff, "Customer address", {
    street: "210 S Mulberry St",
    city: "Richmond",
    state: "VA",
    ZIP: "90210",
  });
  await staff.getByLabel("Vehicle make").fill("Buick");
  await staff.getByLabel("Vehicle model").fill("Enclave");
  await staff.getByLabel("Loaner", { exact: true }).selectOption(stock);
  await staff.getByRole("button", { name: "Book move" }).click();
  await expect(staff.getByText("ZIP code 90210 is in CA, not VA.").first()).toBeVisible();
  await expect(staff.getByLabel("Vehicle make")).toHaveValue("Buick");
  // The appointment is kept too: only the ZIP is fixed before submitting again.
  await expect(staff.getByLabel("Appointment")).toHaveValue(tomorrowAt(10));
  await staff.getByLabel("Customer address: ZIP", { exact: true }).fill("23220");
  await staff.getByRole("button", { name: "Book move" }).click();
  await expect(staff.getByRole("heading", { name: "Harry Stevens · Pickup" })).toBeVisible();
  const legs = staff.getByTestId("move-leg");
  await expect(legs).toHaveCount(2);
  await expect(legs.first()).toContainText("Loaner");
  // The loaner chosen before the failed submit is still the one booked.
  await expect(legs.first().getByTestId("leg-vehicle")).toContainText("2024 Toyota Camry gray");
  // 10:00 typed on the dealer's clock reads back as 10:00 New York time.
  await expect(staff.getByTestId("booking-times")).toContainText(/Appointment .* 10:00 AM E[DS]T/);
  const trackingLink = (await staff.getByTestId("tracking-link").textContent()) ?? "";

  // The customer's tracking page, no account.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(new URL(trackingLink).pathname);
  const custLegs = customer.getByTestId("leg");
  await expect(custLegs).toHaveCount(2);

  // The driver (ops) works both legs from the driver board.
  const driverContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const driver = await driverContext.newPage();
  await signIn(driver, "ops@forecourt.test");
  await driver.goto(`/driver?date=${tomorrowAt(10).slice(0, 10)}`);
  const moveIds = await legs.evaluateAll((els) =>
    els.map((e) => e.querySelector("h2, h3, [data-slot=card-title]")?.textContent?.match(/\d+/)?.[0]),
  );
  for (const [i, id] of moveIds.entries()) {
    const card = driver.locator(`[data-testid="driver-leg"][data-move-id="${id}"]`);
    // This booking's card: the demo seed's moves may share the day.
    if (i === 0)
      await expect(
        driver.getByTestId("driver-booking").filter({ has: card }).getByTestId("driver-booking-appointment"),
      ).toContainText(/10:00 AM E[DS]T/);
    await card.getByLabel("Driver name").fill("Dana Driver");
    await card.getByRole("button", { name: "Dispatch" }).click();
    await expect(card.getByTestId("driver-leg-status")).toHaveText(/Dispatched/i);
    if (i === 0) await expect(custLegs.first()).toContainText("Dana Driver", LIVE);
    const steps: [string, string][] = [
      ["Start pickup", "Pickup started"],
      ["Arrived at pickup", "Pickup arrived"],
      ["Picked up", "Pickup successful"],
      ["Start delivery", "Delivery started"],
      ["Arrived at delivery", "Delivery arrived"],
      ["Delivered", "Delivery successful"],
    ];
    for (const [step, status] of steps) {
      if (step === "Picked up" || step === "Delivered") {
        await card.getByLabel("Odometer").fill(step === "Picked up" ? "12000" : "12011");
        await card.getByLabel("Signer name").fill("Harry Stevens");
      }
      await card.getByRole("button", { name: step, exact: true }).click();
      await expect(card.getByTestId("driver-leg-status")).toHaveText(status);
      // The customer's open tracking page follows each step without reload.
      await expect(custLegs.nth(i).getByTestId("leg-status")).toHaveText(status, LIVE);
    }
    await expect(card).toContainText(/Delivered/i);
  }
  // The customer's page shows both legs delivered without reload; so does the staff page.
  await expect(custLegs.nth(1).getByTestId("leg-status")).toHaveText("Delivery successful", LIVE);
  await expect(staff.getByTestId("move-leg").nth(1)).toContainText("Delivery successful", LIVE);
  // The handover records the driver took show on the staff page.
  await expect(staff.getByTestId("move-leg").first().getByTestId("handover")).toHaveText([
    /At pickup.*12,000 mi.*Harry Stevens/,
    /At delivery.*12,011 mi.*Harry Stevens/,
  ]);

  // SMS in the outbox: dispatch, on the way, deliveries.
  // Only this customer's rows count: the demo seed's moves sent texts too.
  await staff.goto("/settings/outbox?channel=sms");
  const texts = staff.getByRole("row").filter({ hasText: "+18045550142" });
  await expect(texts.filter({ hasText: /Dana Driver is your driver/ })).toHaveCount(1);
  await expect(texts.filter({ hasText: /on the way to you/ }).first()).toBeVisible();
  await expect(texts.filter({ hasText: /has been delivered/ }).first()).toBeVisible();
  await expect(texts.filter({ hasText: /Your vehicle has arrived at the service center/ })).toHaveCount(1);
  await expect(staff.getByText(/GMT/)).toHaveCount(0);

  // Webhooks: every move.* event, signed.
  const moveEvents = () =>
    receiver.received
      .map((r) => receiver.verify(endpoint.secret, r))
      .filter((p) => moveIds.includes(String((p.data as { move_id: number }).move_id)))
      .map((p) => p.event);
  await expect.poll(() => moveEvents().length, { timeout: 15_000 }).toBe(16);
  expect(new Set(moveEvents())).toEqual(
    new Set([
      "move.created",
      "move.dispatched",
      "move.pickup.started",
      "move.pickup.arrived",
      "move.pickup.successful",
      "move.delivery.started",
      "move.delivery.arrived",
      "move.delivery.successful",
    ]),
  );

  // The loaner stays with the customer after its leg is delivered, until staff mark it returned.
  await staff.goto("/moves/loaners");
  const row = staff.locator(`[data-testid="loaner-row"][data-stock="${stock}"]`);
  await expect(row.getByTestId("loaner-status")).toHaveText("With customer");
  await expect(row).toContainText("Harry Stevens");
  await row.getByRole("button", { name: `Mark returned: ${stock}` }).click();
  await expect(row.getByTestId("loaner-status")).toHaveText("Available");

  await Promise.all([staffContext.close(), customerContext.close(), driverContext.close(), receiver.close()]);
});

test("day boards answer a bad date without failing; an out-of-service loaner is not offered for booking", async ({
  browser,
}) => {
  const api = apiClient(createApiKey("riverside"));
  const stock = `OOS-${Date.now() % 100000}`;
  await api.post("/api/v1/loaners", { stock, make: "Honda", model: "Civic" });

  const staffContext = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const staff = await staffContext.newPage();
  await signIn(staff, "staff@riverside.test");
  for (const date of ["2025-13-01", "2025-02-30"]) {
    const res = await staff.goto(`/moves?date=${date}`);
    expect(res?.status()).toBe(200);
    await expect(staff.getByText(`“${date}” is not a date; showing today.`)).toBeVisible();
    await expect(staff.getByRole("heading", { name: "Moves", exact: true })).toBeVisible();
  }

  await staff.goto("/moves/loaners");
  const row = staff.locator(`[data-testid="loaner-row"][data-stock="${stock}"]`);
  await row.getByRole("button", { name: `Take out of service: ${stock}` }).click();
  await expect(row.getByTestId("loaner-status")).toHaveText("Out of service");
  await staff.goto("/moves/new");
  await expect(staff.getByLabel("Loaner", { exact: true }).locator("option", { hasText: stock })).toHaveCount(
    0,
  );
  await staff.goto("/moves/loaners");
  await row.getByRole("button", { name: `Put back in service: ${stock}` }).click();
  await expect(row.getByTestId("loaner-status")).toHaveText("Available");

  const opsContext = await browser.newContext();
  const ops = await opsContext.newPage();
  await signIn(ops, "ops@forecourt.test");
  const res = await ops.goto("/driver?date=2025-13-01");
  expect(res?.status()).toBe(200);
  await expect(ops.getByText("“2025-13-01” is not a date; showing today.", { exact: false })).toBeVisible();
  await Promise.all([staffContext.close(), opsContext.close()]);
});
