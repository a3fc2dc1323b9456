import { execFileSync } from "node:child_process";
import path from "node:path";

const E2E_DB = path.join(process.env.E2E_DIR ?? path.resolve(".tmp/e2e"), "e2e.db");
const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3123}`;

/** Creates an API key for a seeded dealer through the CLI, as an operator would. */
export function createApiKey(dealer: string, scopes = "*"): string {
  const out = execFileSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "scripts/cli.ts",
      "api-key",
      "create",
      "--dealer",
      dealer,
      "--name",
      `e2e ${Date.now()}`,
      "--scopes",
      scopes,
    ],
    { env: { ...process.env, DATABASE_URL: E2E_DB }, encoding: "utf8" },
  );
  return out.trim().split("\n").pop() ?? "";
}

/** A tiny client for the integrator API. */
export function apiClient(key: string) {
  const request = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${BASE}${url}`, {
      method,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    get: (url: string) => request("GET", url),
    post: (url: string, body?: unknown) => request("POST", url, body ?? {}),
    patch: (url: string, body: unknown) => request("PATCH", url, body),
  };
}

/** Creates an API key bound to an OEM (checkout carts) through the CLI. */
export function createOemApiKey(oemKey: string, scopes = "*"): string {
  const out = execFileSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "scripts/cli.ts",
      "api-key",
      "create",
      "--oem",
      oemKey,
      "--name",
      `e2e ${Date.now()}`,
      "--scopes",
      scopes,
    ],
    { env: { ...process.env, DATABASE_URL: E2E_DB }, encoding: "utf8" },
  );
  return out.trim().split("\n").pop() ?? "";
}
