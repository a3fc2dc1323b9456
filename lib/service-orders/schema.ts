import { z } from "zod";
import { nowMs } from "@/lib/platform/clock";
import { vinProblem } from "@/lib/platform/vin";
import { isDay } from "@/lib/platform/zoned-time";
import { RECON_CODES } from "./catalog";

export const vinSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const problem = vinProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem, params: { code: "vin_invalid" } });
  });

const dollars = z
  .number({ message: "Enter an amount in dollars." })
  .min(0, "Amounts cannot be negative.")
  .max(10_000_000);
const text = (max = 200) => z.string().trim().min(1).max(max);

export const contactSchema = z.object({
  name: z.string().trim().max(100).optional(),
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s().-]{7,20}$/, "Enter a valid phone number.")
    .optional(),
});

export const addressSchema = z.object({
  street: text(200),
  city: text(100),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter state code."),
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}$/, "Use a 5-digit ZIP code."),
});

const yearSchema = z
  .number()
  .int()
  .min(1950)
  .max(new Date().getUTCFullYear() + 2);

/** Concierge Search criteria (field names as in the public docs). */
export const searchCriteriaSchema = z
  .object({
    newUsed: z.enum(["New", "Used", "Any"]).optional(),
    bodyStyle: z.string().trim().max(50).optional(),
    carStyle: z.string().trim().max(50).optional(),
    yearLower: yearSchema.optional(),
    yearUpper: yearSchema.optional(),
    mileageLower: z.number().int().min(0).optional(),
    mileageUpper: z.number().int().min(0).optional(),
    exteriorColor: z.string().trim().max(50).optional(),
    interiorColor: z.string().trim().max(50).optional(),
    fuelType: z.string().trim().max(50).optional(),
    driveTrain: z.string().trim().max(50).optional(),
    transmission: z.string().trim().max(50).optional(),
    comfort: z.array(z.string().trim().max(50)).max(30).optional(),
    safety: z.array(z.string().trim().max(50)).max(30).optional(),
    entertainment: z.array(z.string().trim().max(50)).max(30).optional(),
    utility: z.array(z.string().trim().max(50)).max(30).optional(),
    purchaseOption: z.enum(["Finance", "Cash", "Lease"]).optional(),
    cashDown: dollars.optional(),
    monthlyPayment: dollars.optional(),
    creditScore: z.string().trim().max(60).optional(),
    timeToPurchase: z.string().trim().max(60).optional(),
    firstName: text(60),
    lastName: text(60),
    email: z.string().trim().toLowerCase().email("Enter a valid email address."),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s().-]{7,20}$/, "Enter a valid phone number.")
      .optional(),
    zipcode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "Use a 5-digit ZIP code."),
    comments: z.string().trim().max(2000).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.yearLower !== undefined && c.yearUpper !== undefined && c.yearLower > c.yearUpper) {
      ctx.addIssue({
        code: "custom",
        path: ["yearUpper"],
        message: "yearUpper must not be below yearLower.",
      });
    }
    if (c.mileageLower !== undefined && c.mileageUpper !== undefined && c.mileageLower > c.mileageUpper) {
      ctx.addIssue({
        code: "custom",
        path: ["mileageUpper"],
        message: "mileageUpper must not be below mileageLower.",
      });
    }
  });
export type SearchCriteria = z.infer<typeof searchCriteriaSchema>;

export const buyVehicleSchema = z.object({
  vin: vinSchema.optional(),
  year: yearSchema,
  make: text(50),
  model: text(50),
  trim: z.string().trim().max(50).optional(),
  mileage: z.number().int().min(0).optional(),
  price: dollars,
});

const common = {
  deal: z.string().trim().startsWith("deal_", "Use a deal id (deal_…).").optional(),
  contact: contactSchema.optional(),
};

const reconQuoteSchema = z.object({
  type: z.literal("reconditioning"),
  vin: vinSchema,
  stock: z.string().trim().max(30).optional(),
  items: z
    .array(z.enum(RECON_CODES as [string, ...string[]], { message: "Unknown reconditioning service." }))
    .min(1, "Choose at least one service.")
    .max(20),
  ...common,
});

const conciergeQuoteSchema = z
  .object({
    type: z.literal("concierge"),
    services: z.tuple([z.enum(["search", "buy"], { message: 'services is ["search"] or ["buy"].' })]),
    search: searchCriteriaSchema.optional(),
    vehicle: buyVehicleSchema.optional(),
    deliveryAddress: addressSchema.optional(),
    ...common,
  })
  .superRefine((q, ctx) => {
    if (q.services[0] === "search" && !q.search) {
      ctx.addIssue({
        code: "invalid_type",
        expected: "object",
        path: ["search"],
        message: "search is required.",
        input: undefined,
      });
    }
    if (q.services[0] === "buy") {
      if (!q.vehicle)
        ctx.addIssue({
          code: "invalid_type",
          expected: "object",
          path: ["vehicle"],
          message: "vehicle is required.",
          input: undefined,
        });
      if (!q.deliveryAddress) {
        ctx.addIssue({
          code: "invalid_type",
          expected: "object",
          path: ["deliveryAddress"],
          message: "deliveryAddress is required.",
          input: undefined,
        });
      }
    }
  });

export const createQuoteSchema = z.discriminatedUnion("type", [reconQuoteSchema, conciergeQuoteSchema], {
  message: 'type is "reconditioning" or "concierge".',
});
export type CreateQuoteInput = z.input<typeof createQuoteSchema>;

export const payQuoteSchema = z.object({
  method: z.literal("account", { message: 'method must be "account".' }),
});

export const createOrderSchema = z.object({
  type: z.literal("reconditioning", { message: 'Direct orders are "reconditioning".' }),
  vin: vinSchema,
  stock: z.string().trim().max(30).optional(),
  items: reconQuoteSchema.shape.items,
  ...common,
});

export const updateOrderSchema = z
  .object({
    status: z.enum(["in-progress", "delayed", "completed", "canceled"]).optional(),
    note: z.string().trim().max(1000).optional(),
    estimatedTime: z.iso
      .datetime({ message: "Use an ISO 8601 time such as 2026-01-01T12:00:00Z." })
      .optional(),
  })
  .refine((v) => v.status !== undefined || v.estimatedTime !== undefined, {
    message: "Send a status or an estimatedTime.",
    path: ["status"],
  })
  .superRefine((v, ctx) => {
    if ((v.status === "delayed" || v.status === "canceled") && !v.note) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: `A reason (note) is required when an order is ${v.status}.`,
      });
    }
    if (v.status === "delayed" && !v.estimatedTime) {
      ctx.addIssue({
        code: "custom",
        path: ["estimatedTime"],
        message: "A delayed order needs a new estimatedTime.",
      });
    }
    // A new estimate is a promise about the future; one already past would read as late at once.
    if (v.estimatedTime && Date.parse(v.estimatedTime) <= nowMs()) {
      ctx.addIssue({
        code: "custom",
        path: ["estimatedTime"],
        message: "The new estimate must be later than now.",
        params: { code: "estimate_in_past" },
      });
    }
  });
export type UpdateOrderInput = z.input<typeof updateOrderSchema>;

export const cancelQuoteSchema = z.object({
  reason: z.string().trim().max(500).optional(),
});

export const candidateSchema = z.object({
  vin: vinSchema,
  year: yearSchema,
  make: text(50),
  model: text(50),
  trim: z.string().trim().max(50).optional(),
  mileage: z.number().int().min(0).max(2_000_000),
  price: dollars,
  location: text(120),
  notes: z.string().trim().max(1000).optional(),
});

export const buyFromCandidateSchema = z.object({
  deliveryAddress: addressSchema,
  contact: contactSchema.optional(),
});

export const createDealSchema = z.object({
  customer: z.object({
    name: text(100),
    email: z.string().trim().toLowerCase().email("Enter a valid email address.").optional(),
    phone: contactSchema.shape.phone,
  }),
  vehicle: z
    .object({
      vin: vinSchema.optional(),
      year: yearSchema.optional(),
      make: z.string().trim().max(50).optional(),
      model: z.string().trim().max(50).optional(),
      stock: z.string().trim().max(30).optional(),
    })
    .optional(),
  quotes: z.array(z.string()).max(50).optional(),
  orders: z.array(z.string()).max(50).optional(),
});

export const attachToDealSchema = z
  .object({ quotes: z.array(z.string()).max(50).optional(), orders: z.array(z.string()).max(50).optional() })
  .refine((v) => (v.quotes?.length ?? 0) + (v.orders?.length ?? 0) > 0, {
    message: "Name quotes or orders to attach.",
    path: ["quotes"],
  });

const listBase = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
};
const dateOnly = z.string().refine(isDay, "Enter a real date as YYYY-MM-DD, such as 2026-01-31.");

export const orderFiltersSchema = z.object({
  status: z.enum(["pending", "in-progress", "delayed", "completed", "canceled", "open"]).optional(),
  type: z.enum(["reconditioning", "concierge"]).optional(),
  deal: z.string().optional(),
  from: dateOnly.optional(),
  to: dateOnly.optional(),
  q: z.string().trim().max(60).optional(),
  dealer: z.string().optional(),
  /** `created`: newest first (default); `estimate`: soonest estimated completion first. */
  sort: z.enum(["created", "estimate"]).default("created"),
  ...listBase,
});
export type OrderFilters = z.infer<typeof orderFiltersSchema>;

export const quoteFiltersSchema = z.object({
  status: z.enum(["awaiting-payment", "paid", "expired", "canceled"]).optional(),
  type: z.enum(["reconditioning", "concierge"]).optional(),
  deal: z.string().optional(),
  ...listBase,
});
export const dealFiltersSchema = z.object({ q: z.string().trim().max(60).optional(), ...listBase });
