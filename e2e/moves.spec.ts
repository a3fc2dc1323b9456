import { expect, type Page, test } from "@playwright/test";
import { apiClient, createApiKey } from "./support/api";
import { signIn } from "./support/auth";
import { startReceiver } from "./support/receiver";

// Changes made elsewhere must show on an open page within 2 s.
const LIVE = { timeout: 2_500 };

function tomorrowAt(hour: number): string {
  const d = new Date(Date.now() + 86_400_000);
  d.setHours(hour, 0, 0, 0);
  // datetime-local value in the browser's zone (the test browser and this process share it).
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:00`;
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
  await api.post("/api/v1/loaners", {
    stock: `LN-${Date.now() % 100000}`,
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
  await staff.getByLabel("Loaner", { exact: true }).selectOption({ index: 1 });
  await staff.getByRole("button", { name: "Book move" }).click();
  await expect(staff.getByText("ZIP code 90210 is in CA, not VA.").first()).toBeVisible();
  await expect(staff.getByLabel("Vehicle make")).toHaveValue("Buick");
  await staff.getByLabel("Customer address: ZIP", { exact: true }).fill("23220");
  await staff.getByLabel("Appointment").fill(tomorrowAt(10));
  await staff.getByRole("button", { name: "Book move" }).click();
  await expect(staff.getByRole("heading", { name: "Harry Stevens · Pickup" })).toBeVisible();
  const legs = staff.getByTestId("move-leg");
  await expect(legs).toHaveCount(2);
  await expect(legs.first()).toContainText("Loaner");
  // The loaner chosen before the failed submit is still the one booked.
  await expect(legs.first().getByTestId("leg-vehicle")).toContainText("2024 Toyota Camry gray");
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
  const day = new Date(Date.now() + 86_400_000);
  await driver.goto(`/driver?date=${day.toISOString().slice(0, 10)}`);
  const moveIds = await legs.evaluateAll((els) =>
    els.map((e) => e.querySelector("h2, h3, [data-slot=card-title]")?.textContent?.match(/\d+/)?.[0]),
  );
  for (const [i, id] of moveIds.entries()) {
    const card = driver.locator(`[data-testid="driver-leg"][data-move-id="${id}"]`);
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

  // SMS in the outbox: dispatch, on the way, deliveries.
  await staff.goto("/settings/outbox?channel=sms");
  await expect(staff.getByText(/Dana Driver is your driver/).first()).toBeVisible();
  await expect(staff.getByText(/on the way to you/).first()).toBeVisible();
  await expect(staff.getByText(/has been delivered/).first()).toBeVisible();

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

  await Promise.all([staffContext.close(), customerContext.close(), driverContext.close(), receiver.close()]);
});
