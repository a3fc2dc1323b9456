import { z } from "zod";
import { LINE_STATUSES, ORDER_STATUSES, ORDER_TYPES } from "@/db/schema/parts";
import { MAX_LIMIT } from "@/lib/platform/pagination";
import { vinProblem } from "@/lib/platform/vin";
import { LINE_ACTIONS } from "./line-lifecycle";

const id = (what: string) =>
  z
    .string({ message: `${what} is a string.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(64, `${what} is at most 64 characters.`);

const limit = z.coerce.number().int().min(1).max(MAX_LIMIT).default(20);
const cursor = z.string().max(500).optional();

export const partSearchSchema = z.object({
  query: z.string().trim().max(100, "Search for at most 100 characters.").optional(),
  brandCode: z.string().trim().toUpperCase().max(10).optional(),
  limit,
  cursor,
});

export const quantitySchema = z.coerce
  .number({ message: "quantity is a whole number." })
  .int("quantity is a whole number.")
  .min(1, "Order at least 1.")
  .max(9999, "Order at most 9,999 per line.");

export const MAX_BASKET_LINES = 200;

/** POST /parts/price-availability: a basket of 1 to 200 lines priced for one trade account. */
export const priceAvailabilitySchema = z.object({
  customerId: id("customerId"),
  parts: z
    .array(z.object({ partId: id("partId"), quantity: quantitySchema }))
    .min(1, "Send at least one part.")
    .max(MAX_BASKET_LINES, `Send at most ${MAX_BASKET_LINES} parts.`),
});
export type PriceAvailabilityInput = z.output<typeof priceAvailabilitySchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const vehicleReferenceSchema = z
  .object({
    type: z.literal("VIN", { message: 'type is "VIN".' }),
    value: z.string().trim().toUpperCase(),
  })
  .superRefine((v, ctx) => {
    const problem = vinProblem(v.value);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  });

export const placeOrderSchema = z.object({
  customerId: id("customerId"),
  // A string first, so a missing value reports field_missing rather than field_invalid.
  orderType: z
    .string()
    .pipe(z.enum(ORDER_TYPES, { message: "orderType is one of EMG, VOR, STK, DPO, COL." })),
  orderReference: z.string().trim().max(50).optional(),
  orderContact: z.object({
    name: text(100),
    phone: z
      .string()
      .trim()
      .min(7, "Enter a phone number.")
      .max(30)
      .regex(/^[+\d][\d\s().-]+$/, "Enter a phone number."),
    email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(200),
    companyName: z.string().trim().max(100).optional(),
  }),
  alternateDeliveryAddress: z
    .object({
      streetName: text(200),
      postalCode: text(20),
      city: text(100),
      countryCode: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, "Use a two-letter country code."),
    })
    .optional(),
  parts: z
    .array(
      z.object({
        part: z.object({ partId: id("partId") }),
        quantity: quantitySchema,
        mandatoryVehicleReferences: z.array(vehicleReferenceSchema).max(5).optional(),
      }),
    )
    .min(1, "Order at least one part.")
    .max(MAX_BASKET_LINES, `Order at most ${MAX_BASKET_LINES} parts.`),
});
export type PlaceOrderInput = z.output<typeof placeOrderSchema>;

export const lineActionSchema = z.object({
  action: z.string().pipe(z.enum(LINE_ACTIONS, { message: `action is one of ${LINE_ACTIONS.join(", ")}.` })),
  /** accept_alternative: which alternative (defaults to the suggested one). */
  alternativePartId: id("alternativePartId").optional(),
  note: z.string().trim().max(500).optional(),
});

export const orderFiltersSchema = z.object({
  orderStatus: z.enum(ORDER_STATUSES).optional(),
  customerId: z.string().trim().max(64).optional(),
  q: z.string().trim().max(100).optional(),
  limit,
  cursor,
});

export const customersQuerySchema = z.object({ limit, cursor });

export const COUNTER_STAGES = ["pick", "pack", "ship", "deliver", "invoice", "backorder"] as const;
export const counterQuerySchema = z.object({
  stage: z.enum(COUNTER_STAGES).optional(),
});

export { LINE_STATUSES, ORDER_STATUSES, ORDER_TYPES };
