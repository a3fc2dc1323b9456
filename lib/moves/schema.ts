import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { nowMs } from "@/lib/platform/clock";
import { vinProblem } from "@/lib/platform/vin";
import { lookupZip } from "./geo";
import { parseUtcTime } from "./time";

const custom = (ctx: z.RefinementCtx, path: (string | number)[], code: string, message: string) =>
  ctx.addIssue({ code: "custom", path, message, params: { code } });

/** Optional text: empty means "none", stored as null like an absent value (so null or "" clears it on PATCH). */
const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === "" ? null : v));

/** A UTC time (see time.ts: ISO 8601 with Z, or the seed's `YYYY-MM-DD hh:mm:ss`) that names a real moment. */
const utcTime = (example: string) =>
  z
    .string()
    .trim()
    .refine((v) => parseUtcTime(v) !== null, `Use a real UTC date and time, such as ${example}.`);

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

const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** Vehicle fields; a customer's car needs make, model and manual, a loaner may leave them blank. */
function vehicleFields(required: boolean) {
  return {
    stock: optionalText(50),
    vin: z
      .string()
      .trim()
      .toUpperCase()
      .nullish()
      .transform((v) => (v === "" ? null : v)),
    year: yearField,
    make: required ? requiredText(50) : optionalText(50),
    model: required ? requiredText(50) : optionalText(50),
    color: optionalText(50),
    manual: required ? z.boolean() : z.boolean().nullish(),
  };
}

function checkVin(v: { vin?: string | null }, ctx: z.RefinementCtx) {
  if (v.vin) {
    const problem = vinProblem(v.vin);
    if (problem) custom(ctx, ["vin"], "field_invalid", problem);
  }
}

function vehicleSchema(required: boolean) {
  return z.object(vehicleFields(required)).superRefine(checkVin);
}

function moveSchema(vehicleRequired: boolean) {
  return z
    .object({
      dealer_contact: optionalText(100),
      special_instructions: optionalText(1000),
      reference_id: optionalText(100),
      reference_num: optionalText(100),
      vehicle: vehicleRequired ? vehicleSchema(true) : vehicleSchema(false).nullish(),
      pickup_location: locationSchema,
    })
    .superRefine((m, ctx) => {
      // Two names (older and newer docs) for one field: both may be sent, but not disagreeing.
      if (m.reference_id && m.reference_num && m.reference_id !== m.reference_num)
        custom(
          ctx,
          ["reference_num"],
          "field_invalid",
          "reference_num and reference_id are the same field; they differ.",
        );
    });
}

/** The move's reference, under either of its names (they agree when both are sent). */
export const referenceOf = (m: { reference_id?: string | null; reference_num?: string | null }) =>
  m.reference_id ?? m.reference_num ?? null;

const bookingBase = {
  appointment_time_utc: utcTime("2030-03-25T14:00:00Z"),
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
  const at = parseUtcTime(b.appointment_time_utc);
  if (at && at.getTime() <= nowMs())
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

/**
 * PATCH /v1/moves/:id. A customer's car keeps its required fields required (a string, not null
 * or ""); every optional field clears with null. The move's role picks the schema.
 */
const hasSome = (v: object) => Object.values(v).some((x) => x !== undefined);

function patchSchema(customerCar: boolean) {
  return z
    .object({
      vehicle: z
        .object(vehicleFields(customerCar))
        .partial()
        .strict()
        .superRefine(checkVin)
        .refine(hasSome, {
          message: "Send at least one vehicle field to change.",
          params: { code: "field_missing" },
        })
        .optional(),
      ready_by: utcTime("2030-03-25T13:30:00Z").optional(),
      reference_num: optionalText(100),
    })
    .strict()
    .refine(hasSome, {
      message: "Send at least one field to change.",
      params: { code: "field_missing" },
    });
}
export const patchCustomerMoveSchema = patchSchema(true);
export const patchLoanerMoveSchema = patchSchema(false);
export type MovePatch = z.output<typeof patchLoanerMoveSchema>;

/** `move_id` as the contract sends it (an integer); a digit string from a form is read as one. */
export const cancelationSchema = z.object({
  move_id: z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d{1,12}\s*$/.test(v) ? Number(v) : v),
    z.number().int().positive(),
  ),
});

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
  from: utcTime("2030-03-25T00:00:00Z").optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  page: z.coerce.number().int().min(1).default(1),
});

export const loanerStatusSchema = z.object({
  status: z.enum(["available", "out_of_service"], { message: 'status is "available" or "out_of_service".' }),
});

export const assignLoanerSchema = z.object({
  loaner_id: z.string().trim().min(1, "Choose a loaner."),
});
