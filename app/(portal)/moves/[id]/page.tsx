import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { getDb } from "@/db/client";
import { intId } from "@/lib/moves/params";
import { getBookingForMove, listLoaners } from "@/lib/moves/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { currentOrigin, withRequestOrigin } from "@/lib/platform/origin";
import { BookingLive } from "../_components/booking-live";
import { bookable, loanerLabel } from "../_components/loaner-label";

export const metadata: Metadata = { title: "Move" };

export default async function MovePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUserPage();
  const db = getDb();
  const { booking, link } = await withRequestOrigin(() => {
    const b = loadOr404(() => getBookingForMove(db, actor, intId(id, "move")));
    return { booking: b, link: `${currentOrigin()}/track/${b.trackingToken}` };
  });
  const fleet = actor.dealerId
    ? bookable(listLoaners(db, actor)).map((l) => ({ id: l.id, label: loanerLabel(l) }))
    : [];
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title={`${booking.customerName} · ${booking.customerAction === "pickup" ? "Pickup" : "Return"}`}
        description={booking.kind === "concierge-loaner" ? "Concierge + loaner swap" : "Concierge move"}
      >
        <Link href="/moves" className="text-sm text-primary hover:underline">
          Day board
        </Link>
      </PageHeader>
      <BookingLive
        initial={booking}
        moveId={Number(id)}
        timeZone={timeZoneFor(db, actor.dealerId)}
        trackingLink={link}
        loaners={fleet}
      />
    </div>
  );
}
