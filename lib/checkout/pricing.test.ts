import { describe, expect, it } from "vitest";
import type { CartVehicle } from "@/db/schema";
import {
  DESTINATION_FEE_CENTS,
  DOC_FEE_CENTS,
  initialPaymentStatus,
  offeredOptions,
  paymentFor,
  priceCart,
  RESERVATION_DEPOSIT_CENTS,
  SHIPPING_FEE_CENTS,
} from "./pricing";

const vehicle = (base: number, accessories: number[] = []): CartVehicle => ({
  variantConfigId: "X",
  productId: "X",
  name: "Aurora Elan",
  modelYear: 2026,
  brandKey: null,
  basePriceCents: base,
  accessories: accessories.map((priceCents, i) => ({ name: `A${i}`, priceCents })),
  metadata: null,
});

describe("priceCart", () => {
  it("adds vehicles, accessories, items and fees in cents", () => {
    const p = priceCart({
      vehicles: [vehicle(42_900_00, [220_00, 540_00]), vehicle(33_900_00)],
      items: [
        { itemId: "cap", name: "Cap", priceCents: 29_00 },
        { itemId: "cap", name: "Cap", priceCents: 29_00 },
      ],
    });
    expect(p.vehiclesCents).toBe(76_800_00);
    expect(p.accessoriesCents).toBe(760_00);
    expect(p.itemsCents).toBe(58_00);
    expect(p.feesCents).toBe(DESTINATION_FEE_CENTS * 2 + DOC_FEE_CENTS);
    expect(p.totalCents).toBe(76_800_00 + 760_00 + 58_00 + DESTINATION_FEE_CENTS * 2 + DOC_FEE_CENTS);
    expect(p.vehicles[0]).toMatchObject({ label: "2026 Aurora Elan", totalCents: 43_660_00 });
  });

  it("adds shipping per vehicle only when shipping is chosen", () => {
    const pick = priceCart({ vehicles: [vehicle(10_000_00)], items: [], delivery: "PICK_UP" });
    const ship = priceCart({ vehicles: [vehicle(10_000_00)], items: [], delivery: "SHIP" });
    expect(ship.totalCents - pick.totalCents).toBe(SHIPPING_FEE_CENTS);
  });

  it("has no fees without vehicles", () => {
    expect(priceCart({ vehicles: [], items: [] }).feesCents).toBe(0);
  });
});

describe("paymentFor", () => {
  const prices = priceCart({
    vehicles: [vehicle(40_000_00, [1_000_00])],
    items: [{ itemId: "cap", name: "Cap", priceCents: 50_00 }],
  });
  const share = 41_000_00 + DESTINATION_FEE_CENTS + DOC_FEE_CENTS;

  it("reservation: a deposit per vehicle plus the items today", () => {
    const r = paymentFor(prices, "STANDARD_RESERVATION", {});
    expect(r.amounts.dueNowCents).toBe(RESERVATION_DEPOSIT_CENTS + 50_00);
    expect(r.amounts.balanceCents).toBe(prices.totalCents - r.amounts.dueNowCents);
  });

  it("full payment: the discount % applies to vehicles and accessories", () => {
    const r = paymentFor(prices, "CHECKOUT_FULL_PAYMENT", { fullPaymentDiscountPerc: 3 });
    expect(r.amounts.discountCents).toBe(1_230_00);
    expect(r.amounts.dueNowCents).toBe(prices.totalCents - 1_230_00);
    expect(r.amounts.balanceCents).toBe(0);
    expect(r.description).toMatch(/save 3%/);
  });

  it("loan: the down payment % of vehicles, accessories and fees, plus the items", () => {
    const r = paymentFor(prices, "LOAN_DOWNPAYMENT", { checkoutDownPaymentPerc: 15 });
    expect(r.amounts.dueNowCents).toBe(Math.round(share * 0.15) + 50_00);
    const dflt = paymentFor(prices, "LOAN_DOWNPAYMENT", {});
    expect(dflt.amounts.dueNowCents).toBe(Math.round(share * 0.1) + 50_00);
  });

  it("offers only the override when the cart has one", () => {
    expect(offeredOptions({ override: "LOAN_DOWNPAYMENT" })).toEqual(["LOAN_DOWNPAYMENT"]);
    expect(offeredOptions({})).toHaveLength(3);
  });

  it("maps each option to the payment status it starts in", () => {
    expect(initialPaymentStatus("STANDARD_RESERVATION")).toBe("RESERVATION_PAID");
    expect(initialPaymentStatus("CHECKOUT_FULL_PAYMENT")).toBe("FULLY_PAID");
    expect(initialPaymentStatus("LOAN_DOWNPAYMENT")).toBe("RESERVATION_PAID");
  });
});
