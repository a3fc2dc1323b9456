import { cn } from "@/lib/utils";

export type DateTimeValue = Date | string | number | null | undefined;

export const DEFAULT_TIME_ZONE = "America/New_York";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      hour12: true,
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** SQL-style timestamps without an offset ("2025-01-05 14:03:00") are treated as UTC. */
const NAIVE_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Parse a Date, ISO/SQL string or epoch milliseconds; returns `null` when missing or invalid. */
export function toDate(value: DateTimeValue): Date | null {
  if (value === null || value === undefined || value === "") return null;
  let date: Date;
  if (value instanceof Date) date = value;
  else if (typeof value === "number") date = new Date(value);
  else {
    const text = value.trim();
    date = new Date(NAIVE_TIMESTAMP.test(text) ? `${text.replace(" ", "T")}Z` : text);
  }
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * "Jan 5, 2025, 9:03 AM" in the given IANA time zone (default America/New_York); "—" when missing/invalid.
 * Built from parts with plain spaces so server and browser output match exactly.
 */
export function formatDateTime(value: DateTimeValue, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = toDate(value);
  if (!date) return "—";
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  return `${parts.month} ${parts.day}, ${parts.year}, ${parts.hour}:${parts.minute} ${parts.dayPeriod}`;
}

export type DateTimeProps = {
  value: DateTimeValue;
  timeZone?: string;
  className?: string;
};

export function DateTime({ value, timeZone = DEFAULT_TIME_ZONE, className }: DateTimeProps) {
  const date = toDate(value);
  if (!date) {
    return (
      <span data-slot="date-time" className={className}>
        —
      </span>
    );
  }
  return (
    <time
      data-slot="date-time"
      dateTime={date.toISOString()}
      className={cn("whitespace-nowrap tabular-nums", className)}
    >
      {formatDateTime(date, timeZone)}
    </time>
  );
}
