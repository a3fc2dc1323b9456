import type { CartItem, CartVehicle, OrderAmounts, PaymentOption } from "@/db/schema";

/**
 * Cart prices (pure, integer cents). The page shows these and the payment charges them; they are
 * computed on the server from the stored cart and the buyer's choices, never taken from a form.
 */

/** Destination and handling, per vehicle. */
export const DESTINATION_FEE_CENTS = 1_295_00;
/** Documentation fee, once per order. */
export const DOC_FEE_CENTS = 85_00;
/** Shipping to the buyer's address instead of picking up at the dealer, per vehicle. */
export const SHIPPING_FEE_CENTS = 995_00;
/** The refundable reservation deposit, per vehicle. */
export const RESERVATION_DEPOSIT_CENTS = 500_00;
/** The down payment when the cart does not set checkoutDownPaymentPerc. */
export const DEFAULT_DOWN_PAYMENT_PERC = 10;

export interface Fee {
  name: string;
  cents: number;
}

export interface CartPrices {
  vehicles: {
    variantConfigId: string;
    label: string;
    baseCents: number;
    accessoriesCents: number;
    totalCents: number;
  }[];
  vehiclesCents: number;
  accessoriesCents: number;
  itemsCents: number;
  fees: Fee[];
  feesCents: number;
  /** Vehicles + accessories + items + fees, before any payment-option discount. */
  totalCents: number;
}

export function priceCart(input: {
  vehicles: readonly CartVehicle[];
  items: readonly CartItem[];
  delivery?: "PICK_UP" | "SHIP" | null;
}): CartPrices {
  const vehicles = input.vehicles.map((v) => {
    const accessoriesCents = v.accessories.reduce((s, a) => s + a.priceCents, 0);
    return {
      variantConfigId: v.variantConfigId,
      label: `${v.modelYear} ${v.name}`,
      baseCents: v.basePriceCents,
      accessoriesCents,
      totalCents: v.basePriceCents + accessoriesCents,
    };
  });
  const n = vehicles.length;
  const fees: Fee[] = [];
  if (n > 0) {
    fees.push({
      name: `Destination & handling${n > 1 ? ` (${n} vehicles)` : ""}`,
      cents: DESTINATION_FEE_CENTS * n,
    });
    fees.push({ name: "Documentation fee", cents: DOC_FEE_CENTS });
    if (input.delivery === "SHIP")
      fees.push({
        name: `Shipping to your address${n > 1 ? ` (${n} vehicles)` : ""}`,
        cents: SHIPPING_FEE_CENTS * n,
      });
  }
  const vehiclesCents = vehicles.reduce((s, v) => s + v.baseCents, 0);
  const accessoriesCents = vehicles.reduce((s, v) => s + v.accessoriesCents, 0);
  const itemsCents = input.items.reduce((s, i) => s + i.priceCents, 0);
  const feesCents = fees.reduce((s, f) => s + f.cents, 0);
  return {
    vehicles,
    vehiclesCents,
    accessoriesCents,
    itemsCents,
    fees,
    feesCents,
    totalCents: vehiclesCents + accessoriesCents + itemsCents + feesCents,
  };
}

export interface PaymentTerms {
  override?: PaymentOption | null;
  fullPaymentDiscountPerc?: number | null;
  checkoutDownPaymentPerc?: number | null;
}

export interface PaymentChoice {
  option: PaymentOption;
  label: string;
  description: string;
  amounts: OrderAmounts;
}

export const PAYMENT_OPTION_LABELS: Record<PaymentOption, string> = {
  STANDARD_RESERVATION: "Reservation deposit",
  CHECKOUT_FULL_PAYMENT: "Full payment",
  LOAN_DOWNPAYMENT: "Loan down payment",
};

/** The payment options a cart offers: only its override when it has one, otherwise all three. */
export function offeredOptions(terms: PaymentTerms): PaymentOption[] {
  return terms.override
    ? [terms.override]
    : ["STANDARD_RESERVATION", "CHECKOUT_FULL_PAYMENT", "LOAN_DOWNPAYMENT"];
}

const pct = (cents: number, perc: number) => Math.round((cents * perc) / 100);
const percLabel = (p: number) => `${Number.isInteger(p) ? p : p.toFixed(2).replace(/0+$/, "")}%`;

/**
 * What the buyer pays today under an option. Items (merchandise) are never financed, so they are
 * always paid in full now.
 * - Reservation: a deposit per vehicle (never more than the vehicles' share) + items.
 * - Full payment: everything, less the cart's discount % on vehicles and accessories.
 * - Loan down payment: the down payment % of vehicles, accessories and fees + items; the rest is financed.
 */
export function paymentFor(prices: CartPrices, option: PaymentOption, terms: PaymentTerms): PaymentChoice {
  const vehicleShare = prices.vehiclesCents + prices.accessoriesCents + prices.feesCents;
  const base = {
    vehiclesCents: prices.vehiclesCents,
    accessoriesCents: prices.accessoriesCents,
    itemsCents: prices.itemsCents,
    feesCents: prices.feesCents,
  };
  if (option === "CHECKOUT_FULL_PAYMENT") {
    const perc = terms.fullPaymentDiscountPerc ?? 0;
    const discountCents = pct(prices.vehiclesCents + prices.accessoriesCents, perc);
    const totalCents = prices.totalCents - discountCents;
    return {
      option,
      label: "Pay in full",
      description:
        perc > 0
          ? `Pay the whole price today and save ${percLabel(perc)} on the vehicles.`
          : "Pay the whole price today.",
      amounts: { ...base, discountCents, totalCents, dueNowCents: totalCents, balanceCents: 0 },
    };
  }
  if (option === "LOAN_DOWNPAYMENT") {
    const perc = terms.checkoutDownPaymentPerc ?? DEFAULT_DOWN_PAYMENT_PERC;
    const down = pct(vehicleShare, perc);
    const dueNowCents = down + prices.itemsCents;
    return {
      option,
      label: "Finance with a loan",
      description: `Pay a ${percLabel(perc)} down payment today; the rest is financed.`,
      amounts: {
        ...base,
        discountCents: 0,
        totalCents: prices.totalCents,
        dueNowCents,
        balanceCents: prices.totalCents - dueNowCents,
      },
    };
  }
  const deposit = Math.min(RESERVATION_DEPOSIT_CENTS * prices.vehicles.length, vehicleShare);
  const dueNowCents = deposit + prices.itemsCents;
  return {
    option,
    label: "Reserve with a deposit",
    description: "Pay a refundable deposit today; pay the balance when the vehicle is ready.",
    amounts: {
      ...base,
      discountCents: 0,
      totalCents: prices.totalCents,
      dueNowCents,
      balanceCents: prices.totalCents - dueNowCents,
    },
  };
}

/**
 * The payment status an approved checkout starts in, from the spec's list. A loan's down payment,
 * like a deposit, holds the vehicle while the lender has guaranteed nothing yet: RESERVATION_PAID
 * until staff record FINANCING_GUARANTEED.
 */
export function initialPaymentStatus(option: PaymentOption) {
  return option === "CHECKOUT_FULL_PAYMENT" ? ("FULLY_PAID" as const) : ("RESERVATION_PAID" as const);
}
