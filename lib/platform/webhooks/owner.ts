import { type Actor, dealerOf } from "../actor";

/**
 * Who owns webhook endpoints: a dealer, or an OEM (its API keys manage the OEM's own endpoints,
 * which hear about its carts and placed orders). The webhook tables' `dealer_id` column holds the
 * owner's id, `dlr_…` or `oem_…`: ids are prefixed, so an OEM id never equals a dealer id, and
 * every query scoped by it keeps a dealer from seeing an OEM's endpoints or deliveries, and the
 * other way round. Anyone else (ops, keys of neither) gets 404.
 */
export function webhookOwnerOf(actor: Actor): string {
  if (!actor.dealerId && actor.kind === "apiKey" && actor.oemId) return actor.oemId;
  return dealerOf(actor);
}

/** Whether a webhook owner id (`dealer_id` of the webhook tables) names an OEM rather than a dealer. */
export const isOemOwner = (ownerId: string) => ownerId.startsWith("oem_");
