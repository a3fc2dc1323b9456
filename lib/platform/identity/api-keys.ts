import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { selectRows, statement } from "@/db/raw";
import { type ApiKey, apiKeys } from "@/db/schema";
import { type Actor, type ApiKeyActor, dealerOf, requireRole } from "../actor";
import { nowMs } from "../clock";
import { notFound, unauthenticated } from "../errors";
import { newId, randomBase62 } from "../ids";
import { parseInput } from "../validation";
import { type CreateApiKeyInput, createApiKeySchema } from "./schema";

export const API_KEY_PREFIX = "fc_live_";
const VISIBLE_PREFIX_LENGTH = API_KEY_PREFIX.length + 6;
/** lastUsedAt is written at most once a minute per key, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

export interface ApiKeyDto {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function toApiKeyDto(k: ApiKey): ApiKeyDto {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

/** Inserts a key for a dealer or an OEM. Returns the plaintext key: it is never retrievable again. */
export function insertApiKey(
  db: Db,
  owner: { dealerId: string | null; oemId?: string | null },
  input: { name: string; scopes: string[] },
  createdBy: string | null,
): { key: string; apiKey: ApiKeyDto } {
  const key = `${API_KEY_PREFIX}${randomBase62(32)}`;
  const row = db
    .insert(apiKeys)
    .values({
      id: newId("key"),
      dealerId: owner.dealerId,
      oemId: owner.oemId ?? null,
      name: input.name,
      prefix: key.slice(0, VISIBLE_PREFIX_LENGTH),
      hash: hashApiKey(key),
      scopes: input.scopes,
      createdBy,
    })
    .returning()
    .get();
  return { key, apiKey: toApiKeyDto(row) };
}

/** Settings -> API keys: an admin creates a key for their dealer. */
export function createApiKey(db: Db, actor: Actor, input: CreateApiKeyInput) {
  requireRole(actor, "admin");
  const dealerId = dealerOf(actor);
  const data = parseInput(createApiKeySchema, input);
  return insertApiKey(db, { dealerId }, data, actor.kind === "user" ? actor.userId : null);
}

export function listApiKeys(db: Db, actor: Actor): ApiKeyDto[] {
  requireRole(actor, "admin");
  const dealerId = dealerOf(actor);
  return db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.dealerId, dealerId))
    .orderBy(desc(apiKeys.createdAt))
    .all()
    .map(toApiKeyDto);
}

export function revokeApiKey(db: Db, actor: Actor, keyId: string): ApiKeyDto {
  requireRole(actor, "admin");
  const dealerId = dealerOf(actor);
  const row = db
    .update(apiKeys)
    .set({ revokedAt: new Date(nowMs()) })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.dealerId, dealerId), isNull(apiKeys.revokedAt)))
    .returning()
    .get();
  if (row) return toApiKeyDto(row);
  const existing = db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.dealerId, dealerId)))
    .get();
  if (!existing) throw notFound("API key");
  return toApiKeyDto(existing);
}

/** Bearer token -> actor. Unknown and revoked keys get the same 401. */
export function authenticateApiKey(db: Db, authorization: string | null): ApiKeyActor {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match) throw unauthenticated("Send your API key as `Authorization: Bearer fc_live_...`.");
  // Every API request starts here: a raw prepared statement (see db/raw.ts).
  const [row] = selectRows(db, apiKeys, "where hash = ?", hashApiKey(match[1]));
  if (!row || row.revokedAt) throw unauthenticated("Invalid or revoked API key.");
  const now = nowMs();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    statement(db, "update api_keys set last_used_at = ? where id = ?").run(now, row.id);
  }
  return {
    kind: "apiKey",
    keyId: row.id,
    dealerId: row.dealerId,
    oemId: row.oemId,
    role: null,
    scopes: row.scopes,
    label: `API key “${row.name}”`,
  };
}
