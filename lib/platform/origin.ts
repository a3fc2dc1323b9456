import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The public base URL for links we hand out (pay links, tracking links, move_uri...).
 * PUBLIC_BASE_URL wins; otherwise the origin of the request being served, so links work on
 * whatever host and port the portal runs.
 */
const globalRef = globalThis as unknown as { __forecourtOrigin?: AsyncLocalStorage<string> };
globalRef.__forecourtOrigin ??= new AsyncLocalStorage<string>();
const storage = globalRef.__forecourtOrigin;

export function currentOrigin(): string {
  const configured = process.env.PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/$/, "");
  return storage.getStore() ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

export function runWithOrigin<T>(origin: string, fn: () => T): T {
  return storage.run(origin.replace(/\/$/, ""), fn);
}

/** For server components and actions: the origin from the incoming request's headers. */
export async function withRequestOrigin<T>(fn: () => T): Promise<Awaited<T>> {
  const { headers } = await import("next/headers");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto") ?? "http";
  if (!host) return await fn();
  return await runWithOrigin(`${proto}://${host}`, async () => await fn());
}
