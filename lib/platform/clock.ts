/**
 * The one place code asks for the time, so tests can move it (webhook retry schedule, rate limits)
 * without sleeping.
 */
let offsetMs = 0;
let frozen: number | null = null;

export function now(): Date {
  return new Date(nowMs());
}

export function nowMs(): number {
  return frozen ?? Date.now() + offsetMs;
}

/**
 * Runs `fn` with the clock stopped at `atMs`. A read pool worker answers as of the moment the
 * request reached the main thread, whose clock tests may have moved.
 */
export function atTime<T>(atMs: number, fn: () => T): T {
  const saved = frozen;
  frozen = atMs;
  try {
    return fn();
  } finally {
    frozen = saved;
  }
}

/** Test helpers. */
export const testClock = {
  freeze(at: Date | number) {
    frozen = typeof at === "number" ? at : at.getTime();
  },
  advance(ms: number) {
    if (frozen !== null) frozen += ms;
    else offsetMs += ms;
  },
  reset() {
    frozen = null;
    offsetMs = 0;
  },
};
