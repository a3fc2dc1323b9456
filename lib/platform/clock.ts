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
