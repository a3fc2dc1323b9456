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

/** `ms` as 8 base62 digits: fixed width, so the text sorts like the number (until year 8900). */
function base62Time(ms: number): string {
  let out = "";
  for (let i = 0, n = Math.floor(ms); i < 8; i++, n = Math.floor(n / 62)) out = ALPHABET[n % 62] + out;
  return out;
}

/**
 * Prefixed id such as `evt_0uH8qLxa3fK9...`: 8 characters of creation time, then 12 random base62
 * characters (~71 bits). Leading with the time makes new ids sort after old ones, so inserts append
 * to the end of each id index instead of dirtying a random page each: a batch of writes touches a
 * few pages, not one per row. Ids are not secrets (public links use `newPublicToken`).
 */
export function newId(prefix: string): string {
  return `${prefix}_${base62Time(Date.now())}${randomBase62(12)}`;
}

/** Unguessable token for public links: 24 random bytes = 192 bits, base64url. */
export function newPublicToken(): string {
  return Buffer.from(takeRandomBytes(24)).toString("base64url");
}
