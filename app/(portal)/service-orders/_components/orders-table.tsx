import { DataTable, RowLink } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { StatusBadge } from "@/components/status-badge";
import type { OrderDto } from "@/lib/service-orders/serialize";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function describeOrder(o: Pick<OrderDto, "type" | "services">) {
  return o.type === "reconditioning"
    ? "Reconditioning"
    : `Concierge ${o.services[0] === "search" ? "Search" : "Buy"}`;
}

export function OrdersTable({
  orders,
  timeZone,
  showDealer,
}: {
  orders: (OrderDto & { dealerName: string; dealerTimeZone: string })[];
  timeZone: string;
  showDealer?: boolean;
}) {
  return (
    <DataTable
      rows={orders}
      rowKey={(o) => o.id}
      empty={
        <EmptyState
          title="No service orders match"
          description="Change the filters, or create a quote or an order."
        />
      }
      columns={[
        { header: "Order", cell: (o) => <RowLink href={`/service-orders/${o.id}`}>{o.id}</RowLink> },
        showDealer && { header: "Dealer", cell: (o) => o.dealerName },
        { header: "Type", cell: (o) => describeOrder(o) },
        {
          header: "Vehicle",
          className: "font-mono text-xs",
          cell: (o) => (
            <>
              {o.vin ?? "—"}
              {o.stock ? ` · ${o.stock}` : ""}
            </>
          ),
        },
        { header: "Status", cell: (o) => <StatusBadge status={o.status} /> },
        {
          header: "Estimated",
          dateTime: (o) => o.estimatedTime,
          timeZone: (o) => (showDealer ? o.dealerTimeZone : timeZone),
        },
        {
          header: "Total",
          headClassName: "text-right",
          className: "text-right",
          cell: (o) => usd.format(o.total),
        },
      ]}
    />
  );
}
