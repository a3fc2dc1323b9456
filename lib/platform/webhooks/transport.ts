import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { refuseAddress } from "./url-safety";

export const DELIVERY_TIMEOUT_MS = 15_000;
const EXCERPT_BYTES = 1024;

export interface TransportResult {
  status: number | null;
  latencyMs: number;
  excerpt: string | null;
  retryAfter: string | null;
  error: string | null;
}

export type Transport = (
  url: string,
  headers: Record<string, string>,
  body: string,
) => Promise<TransportResult>;

/** dns.lookup that refuses private/link-local/metadata addresses at connect time (no DNS rebinding). */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: false }, (err, address, family) => {
    if (err) return callback(err, address, family);
    const why = refuseAddress(address as string);
    if (why) return callback(Object.assign(new Error(why), { code: "EREFUSED_ADDRESS" }), address, family);
    callback(null, address, family);
  });
};

/**
 * POSTs one webhook. Redirects are not followed (they count as failures), only 15 s are allowed
 * for the whole exchange, and only the first KiB of the answer is kept for the log.
 */
export const httpTransport: Transport = (target, headers, body) =>
  new Promise((resolve) => {
    const started = performance.now();
    const done = (r: Omit<TransportResult, "latencyMs">) =>
      resolve({ ...r, latencyMs: Math.round(performance.now() - started) });
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return done({ status: null, excerpt: null, retryAfter: null, error: "Invalid URL" });
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (/^[\d.]+$|:/.test(host)) {
      const why = refuseAddress(host);
      if (why) return done({ status: null, excerpt: null, retryAfter: null, error: why });
    }
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(body).toString() },
        lookup: guardedLookup,
        timeout: DELIVERY_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(c);
          size += c.length;
        });
        res.on("end", () =>
          done({
            status: res.statusCode ?? null,
            excerpt: Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_BYTES) || null,
            retryAfter: (res.headers["retry-after"] as string | undefined) ?? null,
            error: null,
          }),
        );
        res.on("error", (e) =>
          done({ status: res.statusCode ?? null, excerpt: null, retryAfter: null, error: e.message }),
        );
      },
    );
    const deadline = setTimeout(() => req.destroy(new Error("Timed out after 15 s")), DELIVERY_TIMEOUT_MS);
    req.on("timeout", () => req.destroy(new Error("Timed out after 15 s")));
    req.on("error", (e) => done({ status: null, excerpt: null, retryAfter: null, error: e.message }));
    req.on("close", () => clearTimeout(deadline));
    req.end(body);
  });
