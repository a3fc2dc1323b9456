import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { getDb } from "@/db/client";
import { listBookingsForDay } from "@/lib/moves/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { nowMs } from "@/lib/platform/clock";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { withRequestOrigin } from "@/lib/platform/origin";
import { addDays, dayIn, isDay, zoneName } from "@/lib/platform/zoned-time";
import { ZonedTime } from "./_components/zoned-time";

export const metadata: Metadata = { title: "Moves" };

/** A leg's badge: a cancelation outranks the driver's status; a pending one is not a cancelation yet. */
function legBadge(m: { status: string | null; cancel_status: string | null }) {
  if (m.cancel_status === "pending") return { status: "pending", label: "Cancel pending" };
  if (m.cancel_status === "succeeded" || m.cancel_status === "partial") return { status: "canceled" };
  return { status: m.status ?? "scheduled" };
}

/** The day board: bookings by appointment time on the dealer's clock, each leg with its status. */
export default async function MovesPage({ searchParams }: { searchParams: Promise<{ date?: string }> }) {
  const actor = await requireUserPage();
  const sp = await searchParams;
  const db = getDb();
  const tz = timeZoneFor(db, actor.dealerId);
  const today = dayIn(new Date(nowMs()), tz);
  const asked = typeof sp.date === "string" && sp.date !== "" ? sp.date : undefined;
  const day = asked && isDay(asked) ? asked : today;
  const bookings = await withRequestOrigin(() => loadOr404(() => listBookingsForDay(db, actor, day)));
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Moves"
        description="Concierge and loaner swaps by appointment time."
        actions={
          <>
            <Button asChild>
              <Link href="/moves/new">Book a move</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/moves/loaners">Loaner fleet</Link>
            </Button>
          </>
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Choose a day">
        <Button asChild variant="ghost">
          <Link href={`/moves?date=${addDays(day, -1)}`}>Previous day</Link>
        </Button>
        <div className="grid gap-1">
          <Label htmlFor="board-date">Day ({zoneName(tz)})</Label>
          <Input id="board-date" type="date" name="date" defaultValue={day} />
        </div>
        <Button type="submit" variant="outline">
          Show
        </Button>
        <Button asChild variant="ghost">
          <Link href={`/moves?date=${addDays(day, 1)}`}>Next day</Link>
        </Button>
      </form>
      {asked && asked !== day ? (
        <p role="alert" className="text-sm text-destructive">
          “{asked}” is not a date; showing today. Use a date like {today}.
        </p>
      ) : null}
      {bookings.length === 0 ? (
        <EmptyState title="No moves this day" description="Book a move, or pick another day." />
      ) : (
        <ul className="grid gap-3" aria-label="Bookings">
          {bookings.map((b) => (
            <li key={b.id}>
              <Card>
                <CardContent className="grid gap-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link
                      href={`/moves/${b.moves[0].move_id}`}
                      className="font-medium text-primary hover:underline"
                    >
                      {b.customerName} · {b.customerAction === "pickup" ? "Pickup" : "Return"}
                    </Link>
                    <span className="text-sm text-muted-foreground">
                      Appointment <ZonedTime value={b.appointment} timeZone={tz} /> · ready by{" "}
                      <ZonedTime value={b.readyBy} timeZone={tz} />
                    </span>
                  </div>
                  <ol className="grid gap-2 sm:grid-cols-2">
                    {b.moves.map((m) => (
                      <li
                        key={m.move_id}
                        className="flex flex-wrap items-center gap-2 rounded-md border p-2 text-sm"
                      >
                        <span className="font-mono text-xs">#{m.move_id}</span>
                        <span>{m.move_type === "loaner" ? "Loaner" : "Customer car"}</span>
                        <StatusBadge {...legBadge(m)} />
                        <span className="text-muted-foreground">
                          {[m.vehicle.year, m.vehicle.make, m.vehicle.model].filter(Boolean).join(" ") ||
                            m.vehicle.stock ||
                            "Vehicle to be assigned"}
                        </span>
                      </li>
                    ))}
                  </ol>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
