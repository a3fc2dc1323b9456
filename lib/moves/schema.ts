import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { vinProblem } from "@/lib/platform/vin";
import { lookupZip } from "./geo";

const custom = (ctx: z.RefinementCtx, path: (string | number)[], code: string, message: string) =>
  ctx.addIssue({ code: "custom", path, message, params: { code } });

const optionalText = (max = 200) => z.string().trim().max(max).nullish();

export const locationSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    address_one: z.string().trim().min(1).max(200),
    address_two: optionalText(200),
    city: z.string().trim().min(1).max(100),
    state: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Use the two-letter state code."),
    zip: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "Use a 5-digit ZIP code."),
  })
  .superRefine((l, ctx) => {
    const place = lookupZip(l.zip);
    if (!place) custom(ctx, ["zip"], "address_invalid", `ZIP code ${l.zip} does not exist.`);
    else if (place.state !== l.state)
      custom(ctx, ["zip"], "address_invalid", `ZIP code ${l.zip} is in ${place.state}, not ${l.state}.`);
  });
export type LocationInput = z.output<typeof locationSchema>;

const yearField = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^(19|20)\d{2}$/, "Use a four-digit year."))
  .nullish();

function vehicleSchema(required: boolean) {
  return z
    .object({
      stock: optionalText(50),
      vin: z.string().trim().toUpperCase().nullish(),
      year: yearField,
      make: required ? z.string().trim().min(1).max(50) : optionalText(50),
      model: required ? z.string().trim().min(1).max(50) : optionalText(50),
      color: optionalText(50),
      manual: required ? z.boolean() : z.boolean().nullish(),
    })
    .superRefine((v, ctx) => {
      if (v.vin) {
        const problem = vinProblem(v.vin);
        if (problem) custom(ctx, ["vin"], "field_invalid", problem);
      }
    });
}

function moveSchema(vehicleRequired: boolean) {
  return z.object({
    dealer_contact: optionalText(100),
    special_instructions: optionalText(1000),
    reference_id: optionalText(100),
    reference_num: optionalText(100),
    vehicle: vehicleRequired ? vehicleSchema(true) : vehicleSchema(false).nullish(),
    pickup_location: locationSchema,
  });
}

const bookingBase = {
  appointment_time_utc: z
    .string()
    .trim()
    .refine(
      (v) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(v),
      "Use an ISO 8601 UTC time such as 2030-03-25T14:00:00Z.",
    ),
  customer_name: z.string().trim().min(1).max(100),
  // Parsed once here to E.164 (libphonenumber-js); SMS updates go to it.
  customer_phone: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .transform((v, ctx) => {
      const phone = parsePhoneNumberFromString(v, "US");
      if (phone?.isValid()) return phone.number as string;
      ctx.addIssue({
        code: "custom",
        message: "Enter a valid phone number (SMS updates go to it).",
        params: { code: "field_invalid" },
      });
      return z.NEVER;
    }),
  customer_action: z.enum(["pickup", "return"], { message: 'customer_action is "pickup" or "return".' }),
  duplicate_check: z.enum(["reference_num", "vehicle_stock", "vehicle_vin"]).nullish(),
};

function checkBooking(b: { appointment_time_utc: string }, ctx: z.RefinementCtx) {
  const at = Date.parse(b.appointment_time_utc.replace(" ", "T"));
  if (Number.isNaN(at)) custom(ctx, ["appointment_time_utc"], "field_invalid", "This is not a valid time.");
  else if (at <= Date.now())
    custom(ctx, ["appointment_time_utc"], "field_invalid", "The appointment must be in the future.");
}

export const conciergeLoanerSchema = z
  .object({ ...bookingBase, loaner_move: moveSchema(false), customer_move: moveSchema(true) })
  .superRefine(checkBooking);
export type ConciergeLoanerInput = z.output<typeof conciergeLoanerSchema>;

/** Customer car only: it goes from `pickup_location` to `delivery_location` (the service center for a pickup). */
export const conciergeSchema = z
  .object({ ...bookingBase, customer_move: moveSchema(true), delivery_location: locationSchema })
  .superRefine(checkBooking);
export type ConciergeInput = z.output<typeof conciergeSchema>;

export const patchMoveSchema = z
  .object({
    vehicle: vehicleSchema(false).optional(),
    ready_by: z.iso.datetime({ message: "Use an ISO 8601 UTC time." }).optional(),
    reference_num: z.string().trim().max(100).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, {
    message: "Send at least one field to change.",
    params: { code: "field_missing" },
  });

export const cancelationSchema = z.object({ move_id: z.coerce.number().int().positive() });

export const resolveCancelSchema = z.object({ outcome: z.enum(["succeeded", "partial", "failed"]) });

export const MOVE_STEPS = [
  "pickup started",
  "pickup arrived",
  "pickup successful",
  "delivery started",
  "delivery arrived",
  "delivery successful",
] as const;
export type MoveStep = (typeof MOVE_STEPS)[number];

export const dispatchSchema = z.object({
  driver_name: z.string().trim().min(1, "Enter the driver's name.").max(100),
});

export const stepSchema = z.object({
  step: z.enum(MOVE_STEPS),
  odometer: z.coerce.number().int().min(0).max(2_000_000).optional(),
  fuel_level: z.enum(["E", "1/4", "1/2", "3/4", "F"]).optional(),
  notes: z.string().trim().max(1000).optional(),
  signer_name: z.string().trim().max(100).optional(),
});

export const loanerSchema = z.object({
  stock: z.string().trim().min(1).max(50),
  vin: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .superRefine((v, ctx) => {
      const problem = v ? vinProblem(v) : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  year: z
    .string()
    .trim()
    .regex(/^(19|20)\d{2}$/, "Use a four-digit year.")
    .optional(),
  make: z.string().trim().min(1).max(50),
  model: z.string().trim().min(1).max(50),
  color: z.string().trim().max(50).optional(),
});

export const eventsQuerySchema = z.object({
  from: z.iso.datetime({ message: "from is an ISO 8601 UTC time." }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  page: z.coerce.number().int().min(1).default(1),
});
