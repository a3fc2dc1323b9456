import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listLoaners } from "@/lib/moves/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { getDealer } from "@/lib/platform/identity/dealers";
import { BookingForm } from "../_components/booking-form";

export const metadata: Metadata = { title: "Book a move" };

export default async function NewMovePage() {
  const actor = await requireUserPage();
  const db = getDb();
  const fleet = loadOr404(() => listLoaners(db, actor)).filter((l) => l.status === "available");
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
            loaners={fleet.map((l) => ({
              stock: l.stock,
              label: `${l.stock} · ${[l.year, l.make, l.model, l.color].filter(Boolean).join(" ")}`,
            }))}
            center={dealer ? { name: dealer.name, city: dealer.city, state: dealer.state } : {}}
          />
        </CardContent>
      </Card>
    </div>
  );
}
