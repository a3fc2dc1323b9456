import { z } from "zod";
import {
  createEndpointSchema,
  deliveryFiltersSchema,
  updateEndpointSchema,
  webhookEndpointDto,
} from "../webhooks/schema";
import type { ApiOperation } from "./document";

const list = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const platformOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/health",
    summary: "Health check (database reachable)",
    tag: "Platform",
    scope: null,
    response: z.object({ status: z.literal("ok"), database: z.literal("ok"), time: z.string() }),
  },
  {
    method: "get",
    path: "/api/v1/webhooks",
    summary: "List webhook endpoints",
    tag: "Webhooks",
    scope: "webhooks.read",
    response: list(webhookEndpointDto),
  },
  {
    method: "post",
    path: "/api/v1/webhooks",
    summary: "Create a webhook endpoint (the secret is returned once)",
    tag: "Webhooks",
    scope: "webhooks.write",
    body: createEndpointSchema,
    response: webhookEndpointDto,
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{id}",
    summary: "Get a webhook endpoint",
    tag: "Webhooks",
    scope: "webhooks.read",
    response: webhookEndpointDto,
  },
  {
    method: "patch",
    path: "/api/v1/webhooks/{id}",
    summary: "Update url, events, description or enabled",
    tag: "Webhooks",
    scope: "webhooks.write",
    body: updateEndpointSchema,
    response: webhookEndpointDto,
  },
  {
    method: "delete",
    path: "/api/v1/webhooks/{id}",
    summary: "Delete a webhook endpoint",
    tag: "Webhooks",
    scope: "webhooks.write",
  },
  {
    method: "post",
    path: "/api/v1/webhooks/{id}/rotate-secret",
    summary: "Rotate the signing secret (the new secret is returned once)",
    tag: "Webhooks",
    scope: "webhooks.write",
    response: webhookEndpointDto,
  },
  {
    method: "post",
    path: "/api/v1/webhooks/{id}/test",
    summary: "Enqueue a webhook.test event for this endpoint",
    tag: "Webhooks",
    scope: "webhooks.write",
    response: z.object({ eventId: z.string() }),
    status: 202,
  },
  {
    method: "get",
    path: "/api/v1/webhook-deliveries",
    summary: "Delivery log: deliveries with every attempt",
    tag: "Webhooks",
    scope: "webhooks.read",
    query: deliveryFiltersSchema,
  },
  {
    method: "get",
    path: "/api/v1/events/{id}",
    summary: "Get an event as it was sent",
    tag: "Events",
    scope: "events.read",
  },
];
