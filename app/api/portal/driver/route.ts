import { boardTimeZone, listBookingsForDay } from "@/lib/moves/queries";
import { requireRole } from "@/lib/platform/actor";
import { nowMs } from "@/lib/platform/clock";
import { invalid } from "@/lib/platform/errors";
import { portalRoute } from "@/lib/platform/http/portal-route";
import { dayIn, isDay } from "@/lib/platform/zoned-time";

/** Polled by the driver board (every 2 s): the day's bookings of every dealer, by appointment. */
export const GET = portalRoute(({ db, actor, url }) => {
  requireRole(actor, "ops");
  const date = url.searchParams.get("date") ?? dayIn(new Date(nowMs()), boardTimeZone(db));
  if (!isDay(date)) throw invalid("date", "Use a real date like 2025-06-03.");
  return listBookingsForDay(db, actor, date);
});
