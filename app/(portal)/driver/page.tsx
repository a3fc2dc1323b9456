import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { getDb } from "@/db/client";
import { boardTimeZone, listBookingsForDay } from "@/lib/moves/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { nowMs } from "@/lib/platform/clock";
import { withRequestOrigin } from "@/lib/platform/origin";
import { addDays, dayIn, formatDay, isDay, zoneName } from "@/lib/platform/zoned-time";
import { DriverBoard } from "./_components/driver-board";

export const metadata: Metadata = { title: "Driver board" };

function DayNav({ date, today }: { date: string; today: string }) {
  const link = (day: string) => `/driver?date=${day}`;
  return (
    <nav aria-label="Change day" className="grid gap-3">
      <div className="grid grid-cols-3 gap-2 sm:flex">
        <Button asChild variant="outline" size="lg" className="h-12">
          <Link href={link(addDays(date, -1))} rel="prev">
            Previous day
          </Link>
        </Button>
        <Button
          asChild
          variant={date === today ? "secondary" : "outline"}
          size="lg"
          className="h-12"
          aria-current={date === today ? "date" : undefined}
        >
          <Link href={link(today)}>Today</Link>
        </Button>
        <Button asChild variant="outline" size="lg" className="h-12">
          <Link href={link(addDays(date, 1))} rel="next">
            Next day
          </Link>
        </Button>
      </div>
      <form method="get" action="/driver" className="flex items-end gap-2">
        <div className="grid flex-1 gap-2 sm:max-w-52 sm:flex-none">
          <Label htmlFor="driver-day">Date</Label>
          <Input id="driver-day" name="date" type="date" className="h-12" defaultValue={date} />
        </div>
        <Button type="submit" variant="outline" size="lg" className="h-12">
          Go
        </Button>
      </form>
    </nav>
  );
}

/** Drivers' view: the day's moves across dealers, one big button for each leg's next step. */
export default async function DriverPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUserPage();
  if (actor.role !== "ops") {
    return (
      <div className="grid gap-4">
        <PageHeader title="Driver board" />
        <p>The driver board is for the operations team.</p>
      </div>
    );
  }
  const sp = await searchParams;
  const asked = typeof sp.date === "string" && sp.date !== "" ? sp.date : undefined;
  const db = getDb();
  const zone = boardTimeZone(db);
  const today = dayIn(new Date(nowMs()), zone);
  const date = asked && isDay(asked) ? asked : today;
  const bookings = await withRequestOrigin(() => listBookingsForDay(db, actor, date));

  return (
    <div className="grid grid-cols-1 gap-5">
      <PageHeader
        title="Driver board"
        description={`Moves by appointment time, each on its dealership's clock (days and "today" on ${zoneName(zone)}). The board updates every 2 seconds.`}
      >
        <p className="text-lg font-medium" data-testid="driver-date">
          {formatDay(date)}
          {date === today ? <span className="text-muted-foreground"> · today</span> : null}
        </p>
      </PageHeader>
      <DayNav date={date} today={today} />
      {asked && asked !== date ? (
        <p role="alert" className="text-sm text-destructive">
          “{asked}” is not a date; showing today. Use a date like {today}.
        </p>
      ) : null}
      <DriverBoard key={date} date={date} initial={bookings} />
    </div>
  );
}
