import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { getDb } from "@/db/client";
import { getPlacedOrderDetail } from "@/lib/checkout/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { PlacedOrderLive } from "../../_components/placed-order-live";

export const metadata: Metadata = { title: "Placed order" };

export default async function PlacedOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUserPage();
  const detail = loadOr404(() => getPlacedOrderDetail(getDb(), actor, id));
  const { order } = detail;
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title={`${order.buyer.firstName} ${order.buyer.lastName} · ${order.vehicles.map((v) => v.name).join(", ")}`}
        description={`Placed order ${order.id} from ${detail.oemName}`}
      >
        <Link href="/checkout/orders" className="text-sm text-primary hover:underline">
          All placed orders
        </Link>
      </PageHeader>
      <PlacedOrderLive initial={detail} />
    </div>
  );
}
