/** Delays after each failed attempt (Standard Webhooks' schedule): 8 attempts over about 33 hours. */
export const RETRY_DELAYS_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
] as const;

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** An endpoint failing without a single success for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3_600_000;
const JITTER = 0.1;
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * Delay before the next attempt after `failedAttempts` failures, or null when none is left.
 * ±10% jitter spreads retries of many endpoints; a receiver's Retry-After is honoured as a floor.
 */
export function nextRetryDelay(
  failedAttempts: number,
  opts: { retryAfterMs?: number | null; random?: () => number } = {},
): number | null {
  const base = RETRY_DELAYS_MS[failedAttempts - 1];
  if (base === undefined) return null;
  const random = opts.random ?? Math.random;
  const jittered = Math.round(base * (1 + (random() * 2 - 1) * JITTER));
  const floor = Math.min(opts.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
  return Math.max(jittered, floor);
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}
