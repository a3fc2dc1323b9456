import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

export type AddressClass = "public" | "loopback" | "private" | "link-local" | "metadata" | "reserved";

function ipv4ToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}

const V4_RANGES: [string, number, AddressClass][] = [
  ["169.254.169.254", 32, "metadata"],
  ["127.0.0.0", 8, "loopback"],
  ["10.0.0.0", 8, "private"],
  ["172.16.0.0", 12, "private"],
  ["192.168.0.0", 16, "private"],
  ["100.64.0.0", 10, "private"],
  ["169.254.0.0", 16, "link-local"],
  ["0.0.0.0", 8, "reserved"],
  ["192.0.0.0", 24, "reserved"],
  ["198.18.0.0", 15, "reserved"],
  ["224.0.0.0", 4, "reserved"],
  ["240.0.0.0", 4, "reserved"],
];

/** What kind of address an IP is; anything not public is refused as a webhook target. */
export function classifyAddress(ip: string): AddressClass {
  const version = isIP(ip);
  if (version === 4) {
    const n = ipv4ToInt(ip);
    for (const [base, bits, kind] of V4_RANGES) {
      const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
      if ((n & mask) === (ipv4ToInt(base) & mask)) return kind;
    }
    return "public";
  }
  if (version === 6) {
    const lower = ip.toLowerCase();
    const mapped = lower.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
    if (mapped) return classifyAddress(mapped[1]);
    if (lower === "::1") return "loopback";
    if (lower === "::") return "reserved";
    if (lower.startsWith("fd00:ec2::254")) return "metadata";
    if (/^f[cd][0-9a-f]{2}:/.test(lower)) return "private";
    if (/^fe[89ab][0-9a-f]:/.test(lower)) return "link-local";
    if (lower.startsWith("ff")) return "reserved";
    return "public";
  }
  return "reserved";
}

export function insecureLocalhostAllowed(): boolean {
  return process.env.WEBHOOKS_ALLOW_INSECURE_LOCALHOST === "1";
}

/** Null when a resolved address may be connected to, otherwise why not. */
export function refuseAddress(ip: string, allowLoopback = insecureLocalhostAllowed()): string | null {
  const kind = classifyAddress(ip);
  if (kind === "public" || (kind === "loopback" && allowLoopback)) return null;
  return `${ip} is a ${kind} address; webhooks only go to public hosts.`;
}

const BLOCKED_NAMES = /(^|\.)(localhost|internal|local|localdomain)$/i;

/**
 * Checks a URL when an endpoint is saved: https only (http just for loopback when
 * WEBHOOKS_ALLOW_INSECURE_LOCALHOST=1), and the host must not be or resolve to a private,
 * link-local or metadata address. Delivery checks the address again at connect time (DNS can change).
 */
export async function checkWebhookUrl(raw: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL such as https://example.com/webhooks.";
  }
  if (url.username || url.password) return "The URL must not contain credentials.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const allowLoopback = insecureLocalhostAllowed();
  const literal = isIP(host) ? host : null;
  const isLoopbackName = host.toLowerCase() === "localhost";
  if (url.protocol !== "https:") {
    const loopback = isLoopbackName || (literal !== null && classifyAddress(literal) === "loopback");
    if (!(url.protocol === "http:" && loopback && allowLoopback)) return "The URL must use https.";
  }
  if (isLoopbackName) return allowLoopback ? null : "localhost is not reachable from Forecourt.";
  if (literal) return refuseAddress(literal, allowLoopback);
  if (BLOCKED_NAMES.test(host)) return `${host} is an internal host name.`;
  try {
    const addresses = await lookup(host, { all: true });
    for (const a of addresses) {
      const why = refuseAddress(a.address, allowLoopback);
      if (why) return why;
    }
  } catch {
    // Unresolvable right now: accept it; delivery resolves again and logs the failure.
  }
  return null;
}
