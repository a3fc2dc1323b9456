import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { FULFILLMENT_STATUSES, ORDER_CREATION_TYPES, PAYMENT_STATUSES } from "@/db/schema/checkout";
import { lookupZip } from "@/lib/moves/geo";
import { US_STATES } from "./states";

const custom = (ctx: z.RefinementCtx, path: (string | number)[], message: string, code = "field_invalid") =>
  ctx.addIssue({ code: "custom", path, message, params: { code } });

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const PAYMENT_OPTIONS = ["STANDARD_RESERVATION", "CHECKOUT_FULL_PAYMENT", "LOAN_DOWNPAYMENT"] as const;

/** Two-letter code of one of the 50 states (lower case accepted). */
export const stateCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.enum(US_STATES, { message: "Use the two-letter code of one of the 50 US states." }));

/**
 * An http(s) URL. The source document's own example is a bare host ("www.ekhodealer.com"), so a
 * value without a scheme is read as https://. Anything else (javascript:, ftp:, no host) is refused.
 */
export const webUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .transform((raw, ctx) => {
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
    let url: URL | null = null;
    try {
      url = new URL(withScheme);
    } catch {
      url = null;
    }
    const hostOk =
      url &&
      (url.hostname === "localhost" || /^[\d.]+$/.test(url.hostname) || /\.[a-z]{2,}$/i.test(url.hostname));
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || !hostOk) {
      ctx.addIssue({
        code: "custom",
        message: "Use a web address such as https://www.example.com/checkout.",
        params: { code: "field_invalid" },
      });
      return z.NEVER;
    }
    return url.toString();
  });

const idSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Use 1 to 64 letters, digits, '_' or '-'.");

/** Dollars as the contract sends them (123 or 123.45); stored as integer cents. */
const priceSchema = z
  .number({ message: "Send the price as a number of dollars." })
  .min(0, "Prices cannot be negative.")
  .max(10_000_000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, "Use at most 2 decimals (cents).");

/** Whether `v` nests objects or arrays more than `max` levels deep; stops looking past `max`. */
function deeperThan(v: unknown, max: number): boolean {
  if (v === null || typeof v !== "object") return false;
  if (max === 0) return true;
  return (Array.isArray(v) ? v : Object.values(v)).some((c) => deeperThan(c, max - 1));
}

/** Keys of an object and of every object nested in it (inside arrays too). */
function keyCount(v: unknown): number {
  if (v === null || typeof v !== "object") return 0;
  const own = Array.isArray(v) ? 0 : Object.keys(v).length;
  return own + (Array.isArray(v) ? v : Object.values(v)).reduce<number>((n, c) => n + keyCount(c), 0);
}

function checkObjectSize(ctx: z.RefinementCtx, v: Record<string, unknown>, maxBytes: number) {
  if (JSON.stringify(v).length > maxBytes) custom(ctx, [], `Keep this under ${maxBytes / 1000} KB of JSON.`);
}

export const METADATA_MAX_KEYS = 10;
export const METADATA_MAX_DEPTH = 2;

/**
 * placedOrderMetadata, passed on to the placed order. The source document: "Allows up to 10 keys
 * and up to 2 levels of nested depth": at most 10 keys in all (nested keys count; { a: { b, c } }
 * has 3) and at most 2 levels ({ a: { b: 1 } }). Depth is checked first so that the key count
 * and the size check only ever walk a shallow object.
 */
export const placedOrderMetadataSchema = z
  .record(z.string().max(100), z.unknown(), { message: "Send an object." })
  .superRefine((v, ctx) => {
    if (deeperThan(v, METADATA_MAX_DEPTH))
      custom(ctx, [], "placedOrderMetadata allows at most 2 levels of nesting ({ a: { b: 1 } }).");
    else if (keyCount(v) > METADATA_MAX_KEYS)
      custom(ctx, [], "placedOrderMetadata allows at most 10 keys in all, nested keys included.");
    else checkObjectSize(ctx, v, 8_000);
  });

const variantMetadataSchema = z
  .record(z.string().max(100), z.unknown(), { message: "Send an object." })
  .superRefine((v, ctx) => {
    if (deeperThan(v, 5)) custom(ctx, [], "Metadata allows at most 5 levels of nesting.");
    else checkObjectSize(ctx, v, 8_000);
  });

/**
 * Optional fields take null as "not sent": e-commerce systems often serialize an empty field as
 * null, and the source document marks these fields optional. Required fields stay required.
 */
const orNull = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === null ? undefined : v), schema);

export const variantSchema = z.object({
  variantConfigId: text(200),
  metadata: orNull(variantMetadataSchema.optional()),
});

export const itemLineSchema = z.object({ name: text(200), price: priceSchema });

/** itemId -> one object per unit of that item. */
export const itemsSchema = z
  .record(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.:-]{1,100}$/, "Item ids use 1 to 100 letters, digits, '_', '.', ':' or '-'."),
    z.array(itemLineSchema, { message: "Send a list of { name, price } objects." }).min(1).max(50),
    { message: "Send an object: itemId -> [{ name, price }]." },
  )
  .refine((v) => Object.keys(v).length <= 50, "At most 50 different items.");

const phoneSchema = z
  .string()
  .trim()
  .min(1, "Enter a phone number.")
  .max(30)
  .transform((v, ctx) => {
    const phone = parsePhoneNumberFromString(v, "US");
    if (phone?.isValid()) return phone.number as string;
    ctx.addIssue({
      code: "custom",
      message: "Enter a valid phone number.",
      params: { code: "field_invalid" },
    });
    return z.NEVER;
  });
const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address.").max(200);

/** A US postal address; the ZIP code must exist and be in the state. */
export const postalAddressSchema = z
  .object({
    street: text(200),
    line2: orNull(optionalText(200)),
    city: text(100),
    state: z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.enum([...US_STATES, "DC"], { message: "Use a two-letter US state code." })),
    zip: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "Use a 5-digit ZIP code."),
  })
  .superRefine((a, ctx) => {
    const place = lookupZip(a.zip);
    if (!place) custom(ctx, ["zip"], `ZIP code ${a.zip} does not exist.`, "address_invalid");
    else if (place.state !== a.state)
      custom(ctx, ["zip"], `ZIP code ${a.zip} is in ${place.state}, not ${a.state}.`, "address_invalid");
  });

export const prefilledInfoSchema = z.object({
  buyerFirstName: orNull(optionalText(60)),
  buyerLastName: orNull(optionalText(60)),
  buyerPhone: orNull(phoneSchema.optional()),
  buyerEmail: orNull(emailSchema.optional()),
  selectedPaymentOption: orNull(z.enum(PAYMENT_OPTIONS).optional()),
  selectedDeliveryOption: orNull(z.enum(["PICK_UP", "SHIP"]).optional()),
  selectedRegistrationOption: orNull(z.enum(["INDIVIDUAL", "BUSINESS"]).optional()),
  /** The slug of the dealer to pick up at (one of the OEM's fulfilling dealers). */
  pickUpLocation: orNull(optionalText(100)),
  shippingAddress: orNull(postalAddressSchema.optional()),
  registrationAddress: orNull(postalAddressSchema.optional()),
  mailingAddress: orNull(postalAddressSchema.optional()),
});

const percSchema = z.number().min(0).max(100);

export const customLinkConfigSchema = z
  .object({
    linkName: orNull(optionalText(100)),
    salespersonEmail: orNull(emailSchema.optional()),
    checkoutPaymentOverride: orNull(z.enum(PAYMENT_OPTIONS).optional()),
    fullPaymentDiscountPerc: orNull(percSchema.optional()),
    checkoutDownPaymentPerc: orNull(
      percSchema.refine((v) => v > 0, "A down payment is more than 0%.").optional(),
    ),
    prefilledInfo: orNull(prefilledInfoSchema.optional()),
  })
  .superRefine((c, ctx) => {
    if (
      c.fullPaymentDiscountPerc !== undefined &&
      c.checkoutPaymentOverride &&
      c.checkoutPaymentOverride !== "CHECKOUT_FULL_PAYMENT"
    )
      custom(
        ctx,
        ["fullPaymentDiscountPerc"],
        "fullPaymentDiscountPerc goes with checkoutPaymentOverride CHECKOUT_FULL_PAYMENT.",
      );
    if (
      c.checkoutDownPaymentPerc !== undefined &&
      c.checkoutPaymentOverride &&
      c.checkoutPaymentOverride !== "LOAN_DOWNPAYMENT"
    )
      custom(
        ctx,
        ["checkoutDownPaymentPerc"],
        "checkoutDownPaymentPerc goes with checkoutPaymentOverride LOAN_DOWNPAYMENT.",
      );
    const selected = c.prefilledInfo?.selectedPaymentOption;
    if (selected && c.checkoutPaymentOverride && selected !== c.checkoutPaymentOverride)
      custom(
        ctx,
        ["prefilledInfo", "selectedPaymentOption"],
        `The cart only offers ${c.checkoutPaymentOverride}.`,
      );
  });

/** The body of POST /checkoutCart_oncreate_v2 (and /api/v1/checkout-carts). */
export const createCartSchema = z
  .object({
    variants: orNull(z.array(variantSchema).max(20, "At most 20 vehicles per cart.").default([])),
    cancelUrl: webUrlSchema,
    oemKey: text(100),
    oemId: orNull(optionalText(100)),
    nativeDefaultCheckoutUrl: webUrlSchema,
    registrationState: orNull(stateCodeSchema.optional()),
    items: orNull(itemsSchema.default({})),
    ecommUserId: orNull(optionalText(200)),
    ecommOrderId: orNull(optionalText(200)),
    id: orNull(idSchema.optional()),
    ekhoCheckoutCartId: orNull(idSchema.optional()),
    orderCreationType: orNull(z.enum(ORDER_CREATION_TYPES).default("ORGANIC")),
    source: orNull(optionalText(100)),
    linkUseType: orNull(z.enum(["SINGLE_USE", "MULTI_USE"]).default("MULTI_USE")),
    customLinkConfig: orNull(customLinkConfigSchema.optional()),
    preorderId: orNull(optionalText(100)),
    brandKey: orNull(optionalText(100)),
    placedOrderMetadata: orNull(placedOrderMetadataSchema.optional()),
  })
  .superRefine((c, ctx) => {
    if (c.id && c.ekhoCheckoutCartId && c.id !== c.ekhoCheckoutCartId)
      custom(
        ctx,
        ["ekhoCheckoutCartId"],
        "id and ekhoCheckoutCartId name different carts; send one of them.",
      );
  });
export type CreateCartInput = z.output<typeof createCartSchema>;

// ---------------------------------------------------------------------------------------------
// The buyer's checkout steps (public forms; field names are the param paths)

export const buyerStepSchema = z.object({
  firstName: text(60),
  lastName: text(60),
  email: emailSchema,
  phone: phoneSchema,
});

export const deliveryStepSchema = z.discriminatedUnion(
  "method",
  [
    z.object({ method: z.literal("PICK_UP"), pickUpDealerId: text(100) }),
    z.object({ method: z.literal("SHIP"), shippingAddress: postalAddressSchema }),
  ],
  { message: "Choose pick-up at a dealer or shipping." },
);

export const registrationStepSchema = z
  .object({
    type: z.enum(["INDIVIDUAL", "BUSINESS"], { message: "Choose who the vehicle is registered to." }),
    businessName: optionalText(200),
    address: postalAddressSchema,
    mailingSameAsRegistration: z.boolean().default(false),
    mailingAddress: postalAddressSchema.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.type === "BUSINESS" && !r.businessName)
      custom(ctx, ["businessName"], "Enter the business name.", "field_missing");
    if (!r.mailingSameAsRegistration && !r.mailingAddress)
      custom(
        ctx,
        ["mailingAddress", "street"],
        "Enter a mailing address, or tick “same as registration”.",
        "field_missing",
      );
  });

export const paymentOptionStepSchema = z.object({
  option: z.enum(PAYMENT_OPTIONS, { message: "Choose how you want to pay." }),
});

// ---------------------------------------------------------------------------------------------
// Placed orders, lists

export const patchPlacedOrderSchema = z
  .object({
    fulfillmentStatus: z.enum(FULFILLMENT_STATUSES).optional(),
    paymentStatus: z.enum(PAYMENT_STATUSES).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.fulfillmentStatus || v.paymentStatus, {
    message: "Send fulfillmentStatus or paymentStatus.",
    params: { code: "field_missing" },
  });

const listBase = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
};

export const cartFiltersSchema = z.object({
  oem: z.string().trim().max(100).optional(),
  source: z.string().trim().max(100).optional(),
  state: stateCodeSchema.optional(),
  status: z.enum(["created", "opened", "placed", "abandoned"]).optional(),
  ...listBase,
});
export type CartFilters = z.output<typeof cartFiltersSchema>;

export const placedOrderFiltersSchema = z.object({
  oem: z.string().trim().max(100).optional(),
  fulfillmentStatus: z.enum(FULFILLMENT_STATUSES).optional(),
  paymentStatus: z.enum(PAYMENT_STATUSES).optional(),
  ...listBase,
});

// ---------------------------------------------------------------------------------------------
// OEM configuration (ops)

const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,49}$/, "Use 2 to 50 lower-case letters, digits or '-'.");

export const createOemSchema = z.object({ name: text(100), oemKey: slugSchema });
export const oemNameSchema = z.object({ name: text(100) });
export const oemStatesSchema = z.object({ states: z.array(stateCodeSchema).max(50) });
export const oemBrandSchema = z.object({ brandKey: slugSchema, name: text(100) });
export const oemDealerSchema = z.object({
  dealer: text(100),
  states: z.array(stateCodeSchema).max(50).default([]),
  isDefault: z.boolean().default(false),
});
export const productSchema = z.object({
  productId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/, "Use up to 50 letters, digits, '_', '.' or '-'."),
  name: text(100),
  modelYear: z.coerce.number().int().min(1990).max(2100),
  basePrice: z.coerce.number().min(0).max(10_000_000),
  brandKey: optionalText(50),
});
export const accessorySchema = z.object({
  productId: text(50),
  name: text(100).refine((v) => /[A-Za-z0-9]/.test(v), "The name needs at least one letter or digit."),
  price: z.coerce.number().min(0).max(1_000_000),
});

/** What the Pay button showed (hidden fields): a charge is refused if the cart or price moved since. */
export const payShownSchema = z.object({
  cartRevision: z.coerce.number().int().min(1),
  shownDueNowCents: z.coerce.number().int().min(0),
});
