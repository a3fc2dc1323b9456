"use client";

import { useSyncExternalStore } from "react";
import { cn } from "@/lib/utils";

const noSubscribe = () => () => {};

/**
 * False on the server and during hydration, true afterwards. The server can't know the customer's
 * time zone, so times render only once this is true: no hydration mismatch, no wrong zone.
 */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** In the browser's own locale and zone: "Mon, Jan 5, 2:00 PM EST", or for "short" "2:04 PM" today. */
function formatLocal(date: Date, variant: "full" | "short"): string {
  if (variant === "full") {
    return date.toLocaleString(undefined, {
      weekday: "short",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    });
  }
  return sameDay(date, new Date())
    ? date.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" })
    : date.toLocaleString(undefined, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
}

/**
 * An ISO timestamp in the customer's own time zone. The `<time datetime>` attribute is there from the
 * first paint; the text follows right after hydration. A missing value reads "—" ("not yet").
 */
export function LocalTime({
  value,
  variant = "full",
  className,
}: {
  value: string | null | undefined;
  variant?: "full" | "short";
  className?: string;
}) {
  const hydrated = useHydrated();
  const date = value ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return (
      <span className={className}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">Not yet</span>
      </span>
    );
  }
  return (
    <time dateTime={date.toISOString()} className={cn("whitespace-nowrap tabular-nums", className)}>
      {hydrated ? (
        formatLocal(date, variant)
      ) : (
        <span
          aria-hidden="true"
          className={cn(
            "inline-block h-[1em] w-20 rounded bg-muted align-middle",
            "animate-pulse motion-reduce:animate-none",
          )}
        />
      )}
    </time>
  );
}
