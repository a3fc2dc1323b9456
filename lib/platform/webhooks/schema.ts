import { z } from "zod";
import { EVENT_PATTERN } from "./subscriptions";

const eventsField = z
  .array(
    z
      .string()
      .trim()
      .regex(EVENT_PATTERN, "Use an event name such as service.created, a wildcard such as service.*, or *."),
  )
  .min(1, "Subscribe to at least one event (or *).")
  .max(50);

export const createEndpointSchema = z.object({
  url: z.string().trim().min(1, "Enter the URL that receives the webhooks.").max(2000),
  events: eventsField.default(["*"]),
  description: z.string().trim().max(200).optional(),
  enabled: z.boolean().default(true),
});

export const updateEndpointSchema = z
  .object({
    url: z.string().trim().min(1).max(2000).optional(),
    events: eventsField.optional(),
    description: z.string().trim().max(200).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change." });

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

export const deliveryFiltersSchema = z.object({
  endpoint: z.string().optional(),
  event: z.string().optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type DeliveryFilters = z.infer<typeof deliveryFiltersSchema>;

export const webhookEndpointDto = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  secret: z.string().optional().describe("Returned only on creation and rotation."),
});
