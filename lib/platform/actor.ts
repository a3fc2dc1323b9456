import { forbidden, notFound } from "./errors";

export type Role = "admin" | "staff" | "ops";

interface ActorBase {
  /** Null for ops users and OEM-bound keys, which are not bound to one dealer. */
  dealerId: string | null;
  /** Shown in timelines and logs: "Jane Doe", "API key Integration". */
  label: string;
}
export interface UserActor extends ActorBase {
  kind: "user";
  userId: string;
  role: Role;
  sessionId: string;
  email: string;
  scopes: readonly string[];
}
export interface ApiKeyActor extends ActorBase {
  kind: "apiKey";
  keyId: string;
  oemId: string | null;
  role: null;
  scopes: readonly string[];
}
export interface PublicActor extends ActorBase {
  kind: "public";
  dealerId: string;
  role: null;
  scopes: readonly string[];
}
export interface SystemActor extends ActorBase {
  kind: "system";
  role: null;
  scopes: readonly string[];
}
export type Actor = UserActor | ApiKeyActor | PublicActor | SystemActor;

export const systemActor = (dealerId: string | null = null, label = "Forecourt"): SystemActor => ({
  kind: "system",
  dealerId,
  label,
  role: null,
  scopes: ["*"],
});

/** Scopes a signed-in user holds by role: admins manage integrations, staff work the areas. */
const ROLE_SCOPES: Record<Role, readonly string[]> = {
  admin: ["*"],
  staff: [
    "*.read",
    "service_orders.write",
    "quotes.write",
    "deals.write",
    "moves.write",
    "parts.write",
    "parts_orders.write",
    "checkout.write",
    "placed_orders.write",
  ],
  ops: ["*"],
};

export function scopesForRole(role: Role): readonly string[] {
  return ROLE_SCOPES[role];
}

/** `*` grants everything; `*.read` every read; `webhooks.*` every verb on one resource. */
export function hasScope(scopes: readonly string[], needed: string): boolean {
  const [resource, verb] = needed.split(".");
  return scopes.some((s) => s === "*" || s === needed || s === `${resource}.*` || s === `*.${verb}`);
}

export function requireScope(actor: Actor, needed: string): void {
  if (!hasScope(actor.scopes, needed)) {
    throw forbidden(
      `This ${actor.kind === "apiKey" ? "API key" : "account"} lacks the ${needed} permission.`,
      "missing_scope",
    );
  }
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (actor.kind !== "user" || !roles.includes(actor.role)) {
    throw forbidden("Your role does not allow this.");
  }
}

/**
 * The dealer whose data this actor works on. Actors without one (ops, OEM keys) get 404 rather
 * than a hint that the resource exists.
 */
export function dealerOf(actor: Actor): string {
  if (!actor.dealerId) throw notFound();
  return actor.dealerId;
}
