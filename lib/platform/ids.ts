import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Every write makes a few ids (event, delivery, token). One call into the CSPRNG per id costs more
// than the id itself, so bytes come from a pool refilled 4 KiB at a time. Each byte is used once.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function takeRandomBytes(n: number): Buffer {
  if (poolOffset + n > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const out = pool.subarray(poolOffset, poolOffset + n);
  poolOffset += n;
  return out;
}

/** Random base62 string; rejection sampling keeps every character equally likely. */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of takeRandomBytes(length * 2)) {
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
  return Buffer.from(takeRandomBytes(24)).toString("base64url");
}
