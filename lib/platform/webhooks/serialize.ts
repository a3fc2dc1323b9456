import type { WebhookEndpoint } from "@/db/schema";

export interface WebhookEndpointDto {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
  secret?: string;
}

export function serializeEndpoint(
  e: WebhookEndpoint,
  opts: { withSecret?: boolean } = {},
): WebhookEndpointDto {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    ...(opts.withSecret ? { secret: e.secret } : {}),
  };
}
