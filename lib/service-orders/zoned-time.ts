/**
 * Wall-clock dates and times in a dealer's IANA time zone, turned into UTC instants. Staff think in
 * the dealer's local day ("orders created on the 5th", "done by 10:00"), the database in UTC.
 * Pure (Intl only), so the browser and the server compute the same instant.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClockOf(atMs: number, timeZone: string) {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(atMs)))
    if (part.type !== "literal") p[part.type] = Number(part.value);
  return p as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** How far the zone's wall clock is ahead of UTC at that instant (ms; negative west of Greenwich). */
function offsetAt(atMs: number, timeZone: string): number {
  const w = wallClockOf(atMs, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - (atMs - (((atMs % 1000) + 1000) % 1000));
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "2026-02-28" yes; "2026-02-30" and "2026-13-45" no. */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  return Boolean(m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3])));
}

function zonedInstant(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  timeZone: string,
): Date {
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // Two passes: the offset at the first guess can differ from the one at the answer near a DST change.
  const first = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  return new Date(wallAsUtc - offsetAt(first, timeZone));
}

/** The instant a local calendar day begins in `timeZone`, or null for a date that does not exist. */
export function startOfLocalDay(date: string, timeZone: string): Date | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return null;
  return zonedInstant(y, mo, d, 0, 0, 0, timeZone);
}

/** The instant the following local day begins (a day is 23 or 25 hours around DST changes). */
export function endOfLocalDay(date: string, timeZone: string): Date | null {
  const m = DATE.exec(date);
  if (!m || !isCalendarDate(date)) return null;
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
  return zonedInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, 0, timeZone);
}

/** A `datetime-local` value ("2026-01-15T10:00") read as the wall time in `timeZone`. */
export function localDateTimeToUtc(value: string, timeZone: string): Date | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  return zonedInstant(y, mo, d, h, mi, s, timeZone);
}

/** The reverse, for a `datetime-local` input's value: the instant as wall time in `timeZone`. */
export function utcToLocalDateTime(at: Date | string, timeZone: string): string {
  const w = wallClockOf(new Date(at).getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
