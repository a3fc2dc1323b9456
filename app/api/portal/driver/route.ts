import { isDay, todayUtc } from "@/app/(portal)/driver/_components/driver-shared";
import { listBookingsForDay } from "@/lib/moves/queries";
import { requireRole } from "@/lib/platform/actor";
import { invalid } from "@/lib/platform/errors";
import { portalRoute } from "@/lib/platform/http/portal-route";

/** Polled by the driver board (every 2 s): the day's bookings of every dealer, by appointment. */
export const GET = portalRoute(({ db, actor, url }) => {
  requireRole(actor, "ops");
  const date = url.searchParams.get("date") ?? todayUtc();
  if (!isDay(date)) throw invalid("date", "Use a date like 2025-06-03.");
  return listBookingsForDay(db, actor, date);
});
