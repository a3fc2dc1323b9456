import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { getDb } from "@/db/client";
import { getOrderPage } from "@/lib/parts/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { OrderLive } from "../../_components/order-live";

export const metadata: Metadata = { title: "Parts order" };

export default async function PartsOrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const placed = (await searchParams).placed === "1";
  const actor = await requireUserPage();
  const initial = loadOr404(() => getOrderPage(getDb(), actor, id));
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title={`Parts order ${initial.order.orderReference ?? initial.order.partsOrderId}`}
        description={`${initial.order.companyName} (${initial.order.accountNumber}) · ${initial.order.orderType} · ${initial.order.partsOrderId}`}
      />
      <OrderLive initial={initial} justPlaced={placed} dealerId={actor.dealerId} />
    </div>
  );
}
