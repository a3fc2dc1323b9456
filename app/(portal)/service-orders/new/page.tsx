import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { dealOptions, reconServiceOptions } from "../_components/options";
import { DirectOrderForm } from "../_components/quote-forms";

export const metadata: Metadata = { title: "Place order" };

export default async function NewOrderPage() {
  const actor = await requireUserPage();
  const deals = loadOr404(() => dealOptions(getDb(), actor));
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Place a reconditioning order"
        description="Scheduled and paid at once on the dealership's account. Attach it to the customer's deal so the deal's invoice includes it."
      />
      <Card>
        <CardContent>
          <DirectOrderForm services={reconServiceOptions()} deals={deals} requestToken={randomUUID()} />
        </CardContent>
      </Card>
    </div>
  );
}
