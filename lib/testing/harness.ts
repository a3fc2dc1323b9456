import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb } from "@/db/client";
import { type Role, scopesForRole, type UserActor } from "@/lib/platform/actor";
import { createSession } from "@/lib/platform/auth/sessions";
import { insertApiKey } from "@/lib/platform/identity/api-keys";
import { findDealerBySlug, insertDealer } from "@/lib/platform/identity/dealers";
import { insertUser } from "@/lib/platform/identity/users";

/**
 * A fresh SQLite file per test file: route handlers and services open it through getDb() as in
 * production (DATABASE_URL), with the same migrations.
 */
export function useTempDatabase(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forecourt-test-"));
  process.env.DATABASE_URL = path.join(dir, "test.db");
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret";
  closeDb();
  getDb();
  return {
    dir,
    cleanup: () => {
      closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function makeDealer(slug: string) {
  const db = getDb();
  return (
    findDealerBySlug(db, slug) ??
    insertDealer(db, {
      slug,
      name: `${slug} Motors`,
      city: "Richmond",
      state: "VA",
      timeZone: "America/New_York",
    })
  );
}

export function makeApiKey(dealerId: string, scopes: string[] = ["*"]) {
  return insertApiKey(getDb(), { dealerId }, { name: "test", scopes }, null).key;
}

let userSeq = 0;
export async function makeUser(
  dealerId: string | null,
  role: Role = "admin",
  password = "correct-horse-battery",
) {
  userSeq++;
  const user = await insertUser(getDb(), {
    email: `user${userSeq}-${Date.now()}@example.test`,
    name: `User ${userSeq}`,
    role,
    password,
    dealerId,
  });
  const sessionId = createSession(getDb(), user.id, {});
  const actor: UserActor = {
    kind: "user",
    userId: user.id,
    dealerId,
    role,
    email: user.email,
    label: user.name,
    sessionId,
    scopes: scopesForRole(role),
  };
  return { user, actor, password };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler the way Next does and returns status, headers and parsed JSON. */
export async function call(
  handler: Handler,
  opts: {
    method?: string;
    path?: string;
    key?: string;
    body?: unknown;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  const body =
    opts.body === undefined
      ? undefined
      : typeof opts.body === "string"
        ? opts.body
        : JSON.stringify(opts.body);
  if (body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`http://localhost${opts.path ?? "/api/v1/test"}`, {
    method: opts.method ?? "GET",
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  return { status: res.status, headers: res.headers, json: json as any };
}
