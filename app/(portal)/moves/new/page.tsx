import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listLoaners } from "@/lib/moves/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { getDealer, timeZoneFor } from "@/lib/platform/identity/dealers";
import { zoneName } from "@/lib/platform/zoned-time";
import { BookingForm } from "../_components/booking-form";
import { bookable, loanerLabel } from "../_components/loaner-label";

export const metadata: Metadata = { title: "Book a move" };

export default async function NewMovePage() {
  const actor = await requireUserPage();
  const db = getDb();
  const fleet = bookable(loadOr404(() => listLoaners(db, actor)));
  const dealer = actor.dealerId ? getDealer(db, actor.dealerId) : undefined;
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Book a concierge + loaner move"
        description="A driver swaps a loaner for the customer's car. The driver always starts at the service center."
      />
      <Card>
        <CardContent>
          <BookingForm
            loaners={fleet.map((l) => ({ stock: l.stock, label: loanerLabel(l) }))}
            center={dealer ? { name: dealer.name, city: dealer.city, state: dealer.state } : {}}
            zone={zoneName(timeZoneFor(db, actor.dealerId))}
          />
        </CardContent>
      </Card>
    </div>
  );
}
