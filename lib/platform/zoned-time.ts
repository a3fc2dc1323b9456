/**
 * Dates and times on a dealer's wall clock. The database and the API speak UTC; staff, drivers and
 * customers read the dealer's local time ("orders created on the 5th", "ready by 10:00 EDT").
 * Pure (Intl only, no server imports), so schemas, services, pages and client components share it
 * and the browser and the server compute the same instants.
 */

/** `YYYY-MM-DD` naming a real calendar day. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Intl formatters cost more to build than to use: one per purpose and zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(purpose: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${purpose}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

const WALL_CLOCK: Intl.DateTimeFormatOptions = {
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
};

function wallClock(date: Date, timeZone: string) {
  const p: Record<string, string> = {};
  for (const part of formatter("wall", timeZone, WALL_CLOCK).formatToParts(date)) p[part.type] = part.value;
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, second: p.second };
}

/** The calendar day an instant falls on in `timeZone`. */
export function dayIn(date: Date, timeZone: string): string {
  return wallClock(date, timeZone).day;
}

/** `YYYY-MM-DDThh:mm` (a datetime-local value) for an instant, on the dealer's clock. */
export function toLocalInput(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${w.day}T${w.time}`;
}

function offsetMs(t: number, timeZone: string): number {
  const w = wallClock(new Date(t), timeZone);
  const asUtc = Date.parse(`${w.day}T${w.time}:${w.second}Z`);
  return asUtc - Math.floor(t / 1000) * 1000;
}

/**
 * The instant a wall-clock time (`YYYY-MM-DDThh:mm`) names in `timeZone`; null when malformed or
 * when the clocks skip it (the spring-forward hour), since no appointment can be then.
 */
export function fromLocalInput(local: string, timeZone: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(local.trim());
  if (!m || !isDay(m[1])) return null;
  const guess = Date.parse(`${m[1]}T${m[2]}:00Z`);
  if (Number.isNaN(guess)) return null;
  let t = guess - offsetMs(guess, timeZone);
  // Near a clock change the offset at the guess and at the answer differ; the second pass settles it.
  t = guess - offsetMs(t, timeZone);
  const date = new Date(t);
  return toLocalInput(date, timeZone) === `${m[1]}T${m[2]}` ? date : null;
}

/**
 * The first instant of a local day: midnight, or where the clocks skip midnight (Santiago and
 * Beirut spring forward at 00:00), the first wall time that happens that day.
 */
function startOfDay(day: string, timeZone: string): Date {
  for (let minute = 0; minute <= 180; minute++) {
    const hh = String(Math.floor(minute / 60)).padStart(2, "0");
    const mm = String(minute % 60).padStart(2, "0");
    const t = fromLocalInput(`${day}T${hh}:${mm}`, timeZone);
    if (t) return t;
  }
  return new Date(`${day}T00:00:00Z`);
}

/** The instants a dealer's day spans: its first instant and the next day's (23 to 25 hours apart). */
export function dayWindow(day: string, timeZone: string): { start: Date; end: Date } {
  return { start: startOfDay(day, timeZone), end: startOfDay(addDays(day, 1), timeZone) };
}

/** "EDT", "PST" (or "GMT+2" where the zone has no common abbreviation) at that instant. */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  const parts = formatter("zone", timeZone, { timeZoneName: "short" }).formatToParts(date);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** "America/New_York" -> "New York time": names the clock a page or field uses. */
export function zoneName(timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  return `${(timeZone.split("/").pop() ?? timeZone).replace(/_/g, " ")} time`;
}

const SHORT_DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};

/** "Tue, Mar 25, 10:00 AM EDT": short enough for a text message or an email line, on the dealer's clock. */
export function formatShortDateTime(date: Date, timeZone: string): string {
  // Plain spaces: ICU puts a narrow no-break space before AM/PM, which some handsets show as a box.
  return formatter("short", timeZone, SHORT_DATE_TIME)
    .format(date)
    .replace(/[\u202f\u00a0]/g, " ");
}

/** "Tue, Jun 3, 2025" for a `YYYY-MM-DD` day. */
export function formatDay(day: string): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
  };
  return formatter("day", "UTC", options).format(new Date(`${day}T00:00:00Z`));
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
