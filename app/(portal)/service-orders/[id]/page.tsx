import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { withRequestOrigin } from "@/lib/platform/origin";
import { getOrderDetail } from "@/lib/service-orders/queries";
import { OrderLive } from "../_components/order-live";

export const metadata: Metadata = { title: "Service order" };

export default async function ServiceOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUserPage();
  const detail = await withRequestOrigin(() => loadOr404(() => getOrderDetail(getDb(), actor, id)));
  const { order } = detail;
  const title =
    order.type === "reconditioning"
      ? `Reconditioning · ${order.vin}`
      : `Concierge ${order.services[0] === "search" ? "Search" : "Buy"}`;
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title={title} description={`${order.id} · ${detail.dealer.name}`}>
        <div className="flex flex-wrap gap-3 text-sm">
          {order.deal ? (
            <Link className="text-primary hover:underline" href={`/deals/${order.deal}`}>
              Deal {order.deal}
            </Link>
          ) : null}
          {order.quote ? (
            <Link className="text-primary hover:underline" href={`/quotes/${order.quote}`}>
              Quote {order.quote}
            </Link>
          ) : null}
          <a className="text-primary hover:underline" href={order.receiptLink}>
            Customer status page
          </a>
        </div>
      </PageHeader>
      <OrderLive initial={detail} role={actor.role} />
    </div>
  );
}
