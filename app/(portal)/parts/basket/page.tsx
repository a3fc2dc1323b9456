import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { getDb } from "@/db/client";
import { accountsForBasket } from "@/lib/parts/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { BasketView } from "../_components/basket-view";

export const metadata: Metadata = { title: "Parts basket" };

export default async function BasketPage() {
  const actor = await requireUserPage();
  if (!actor.dealerId) redirect("/parts/counter");
  const db = getDb();
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Basket"
        description="Prices, discounts and stock are live for the trade account you choose; back-ordered quantities show their expected date."
      />
      <BasketView
        accounts={accountsForBasket(db, actor)}
        dealerId={actor.dealerId}
        timeZone={timeZoneFor(db, actor.dealerId)}
      />
    </div>
  );
}
