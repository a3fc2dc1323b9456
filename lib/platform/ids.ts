import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Random base62 string; rejection sampling keeps every character equally likely. */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/** Prefixed id such as `evt_3fK9...` (16 base62 chars ~ 95 bits). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBase62(16)}`;
}

/** Unguessable token for public links: 24 random bytes = 192 bits, base64url. */
export function newPublicToken(): string {
  return randomBytes(24).toString("base64url");
}
