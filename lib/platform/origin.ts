import { requestContext, runInRequestContext } from "@/db/request-context";

/**
 * The public base URL for links we hand out (pay links, tracking links, move_uri...).
 * PUBLIC_BASE_URL wins; otherwise the origin of the request being served, so links work on
 * whatever host and port the portal runs.
 */

export function currentOrigin(): string {
  const configured = process.env.PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/$/, "");
  return requestContext.getStore()?.origin ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

export function runWithOrigin<T>(origin: string, fn: () => T): T {
  return runInRequestContext({ origin: origin.replace(/\/$/, "") }, fn);
}

/** For server components and actions: the origin from the incoming request's headers. */
export async function withRequestOrigin<T>(fn: () => T): Promise<Awaited<T>> {
  const { headers } = await import("next/headers");
  // Outside a request (tests, scripts) there are no headers: links use the configured default.
  let h: Headers | null = null;
  try {
    h = await headers();
  } catch {
    h = null;
  }
  const host = h?.get("x-forwarded-host") ?? h?.get("host");
  const proto = h?.get("x-forwarded-proto") ?? "http";
  if (!host) return await fn();
  return await runWithOrigin(`${proto}://${host}`, async () => await fn());
}
