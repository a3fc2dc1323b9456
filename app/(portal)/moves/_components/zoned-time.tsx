import { DateTime } from "@/components/date-time";
import { zoneAbbreviation } from "@/lib/platform/zoned-time";

/**
 * A time on the dealer's clock with its zone ("Jun 3, 2025, 10:00 AM EDT"), so staff and drivers
 * in another zone read it right. Pure: renders the same on the server and in the browser.
 */
export function ZonedTime({ value, timeZone }: { value: string | null | undefined; timeZone: string }) {
  if (!value) return <DateTime value={value} timeZone={timeZone} />;
  return (
    <span className="whitespace-nowrap">
      <DateTime value={value} timeZone={timeZone} /> {zoneAbbreviation(new Date(value), timeZone)}
    </span>
  );
}
