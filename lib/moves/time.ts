/**
 * The moves contract's UTC times. Dealer-clock helpers (days, datetime-local values, labels) are in
 * lib/platform/zoned-time.ts.
 */

/**
 * ISO 8601 with `Z` (`2030-03-25T14:00:00Z`), or the seed table's `YYYY-MM-DD hh:mm:ss` (UTC by
 * definition there, so the `Z` is optional after a space). A `T` without `Z` is refused: in ISO
 * 8601 that is local time, and guessing the zone would move the appointment.
 */
const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z?)$/;

/** The instant named by a UTC time, or null when it is malformed or names no real moment (Feb 31, 25:00). */
export function parseUtcTime(text: string): Date | null {
  const m = UTC_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, sep, h, mi, s = "0", frac = "0", z] = m;
  if (sep === "T" && z !== "Z") return null;
  const parts = [y, mo, d, h, mi, s].map(Number);
  const ms = Number(frac.slice(0, 3).padEnd(3, "0"));
  const t = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], ms);
  const back = new Date(t);
  // Date.UTC rolls 2031-02-31 over to March 3; a component that changed means it did not exist.
  const same =
    back.getUTCFullYear() === parts[0] &&
    back.getUTCMonth() === parts[1] - 1 &&
    back.getUTCDate() === parts[2] &&
    back.getUTCHours() === parts[3] &&
    back.getUTCMinutes() === parts[4] &&
    back.getUTCSeconds() === parts[5];
  return same ? back : null;
}
