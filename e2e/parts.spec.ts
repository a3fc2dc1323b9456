import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/auth";

// Changes made elsewhere must show on an open page within 2 s.
const LIVE = { timeout: 2_500 };

async function searchAndAdd(page: Page, query: string, code: string) {
  await page.getByLabel("Search parts").fill(query);
  const result = page.getByTestId("part-result").filter({ hasText: code }).first();
  await expect(result).toBeVisible();
  await result.getByRole("button", { name: `Add ${code} to basket` }).click();
  return result;
}

test("staff search, basket a superseded and a short part, place the order -> the counter picks, packs, ships -> the open order page follows", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, "staff@riverside.test");
  await staff.getByRole("link", { name: "Parts", exact: true }).click();
  await expect(staff.getByRole("heading", { name: "Parts", level: 1 })).toBeVisible();

  // Results as you type: a description search, then a superseded part number and one short on stock.
  await staff.getByLabel("Search parts").fill("brake pad front");
  await expect(staff.getByTestId("part-result").first()).toContainText(/Brake pad set, front/i);
  const old = await searchAndAdd(staff, "fl-400", "FL-400S");
  await expect(old).toContainText("Superseded by MC FL-500S");
  await searchAndAdd(staff, "BRF-1478", "BRF-1478");
  await expect(staff.getByText("Basket: 2 lines")).toBeVisible();

  // The basket: live prices and stock for the chosen account; the old number becomes its replacement.
  await staff.getByRole("navigation", { name: "Parts" }).getByRole("link", { name: "Basket" }).click();
  await staff.getByLabel("Trade account").selectOption({ label: "Northside Auto Repair (R-10021)" });
  const filter = staff.locator('[data-testid="basket-line"][data-part-code="FL-500S"]');
  await expect(filter).toBeVisible();
  await expect(filter.getByTestId("replaced-from")).toHaveText("Replaces MC FL-400S (superseded)");
  await expect(filter.getByTestId("availability")).toHaveText("1 from stock");
  // Motorcraft is 15% off for this account: 12.99 -> 11.04, plus 5.3% tax.
  await expect(filter).toContainText("$11.04");
  const pads = staff.locator('[data-testid="basket-line"][data-part-code="BRF-1478"]');
  await pads.getByLabel("Quantity of BRF-1478").fill("3");
  await expect(pads.getByTestId("availability")).toContainText("1 from stock");
  await expect(pads.getByTestId("backorder")).toContainText(/2 on back-order, expected \w+ \d+, \d{4}/);
  await expect(pads.getByTestId("line-total")).toContainText("$");
  await expect(staff.getByTestId("basket-total")).toContainText("$");

  // Review and place.
  await expect(staff.getByLabel("Contact name")).toHaveValue("Marcus Bell");
  await staff.getByLabel("Order type").selectOption("EMG");
  await staff.getByLabel("Order reference").fill("JOB-7781");
  await staff.getByRole("button", { name: "Place order" }).click();
  await expect(staff.getByRole("heading", { name: "Parts order JOB-7781" })).toBeVisible();
  const orderId = staff.url().split("/parts/orders/")[1].split("?")[0];
  const lines = staff.getByTestId("order-line");
  await expect(lines).toHaveCount(3);
  const status = (i: number) => lines.nth(i).getByTestId("line-status");
  await expect(lines.nth(0)).toContainText("FL-500S");
  await expect(status(0)).toHaveText("Reserved");
  await expect(status(1)).toHaveText("Reserved");
  await expect(status(2)).toHaveText("Backorder");
  await expect(lines.nth(2).getByTestId("line-eta")).toContainText("Expected");
  await expect(staff.getByTestId("order-status")).toHaveText("In progress");

  // The parts counter (ops) works the reserved lines in another browser.
  const counterContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const counter = await counterContext.newPage();
  await signIn(counter, "ops@forecourt.test");
  // A phone-sized screen: the main navigation is behind the menu button.
  await counter.getByRole("button", { name: "Menu" }).click();
  await counter.getByRole("link", { name: "Parts counter" }).click();
  await expect(counter.getByRole("heading", { name: "Parts counter" })).toBeVisible();
  const queued = counter.locator(`[data-testid="counter-line"][data-order-id="${orderId}"]`);
  await expect(queued).toHaveCount(3);
  // The reserved lines of this order (the back-ordered one waits for stock: "Receive stock").
  const reserved = (code: string) =>
    queued
      .filter({ hasText: code })
      .filter({ hasNot: counter.getByRole("button", { name: "Receive stock" }) });
  for (const code of ["FL-500S", "BRF-1478"])
    await reserved(code).getByRole("button", { name: "Pick" }).click();
  // Picking started: the order page (not reloaded) follows.
  await expect(status(0)).toHaveText("Issued", LIVE);
  await expect(status(1)).toHaveText("Issued", LIVE);
  for (const [step, shows] of [
    ["Pack", "Packed"],
    ["Ship", "In transit"],
  ] as const) {
    for (const code of ["FL-500S", "BRF-1478"]) {
      const line = reserved(code);
      await line.getByRole("button", { name: step }).click();
      await expect(line.getByTestId("counter-line-status")).toHaveText(shows);
    }
    await expect(status(0)).toHaveText(shows, LIVE);
    await expect(status(1)).toHaveText(shows, LIVE);
  }
  // Two lines shipped, one still on back-order: the order is SHIPPED; the history lists each step.
  await expect(status(2)).toHaveText("Backorder");
  await expect(staff.getByTestId("order-status")).toHaveText("Shipped", LIVE);
  await expect(staff.getByRole("list", { name: "Order history" }).getByTestId("timeline-entry")).toHaveCount(
    7,
    LIVE,
  );

  // The basket was emptied by placing the order.
  await staff.goto("/parts/basket");
  await expect(staff.getByText("Your basket is empty")).toBeVisible();

  await staffContext.close();
  await counterContext.close();
});
