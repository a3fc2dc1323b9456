import { DataTable, RowLink } from "@/components/data-table";
import { ListEmpty } from "@/components/list-empty";
import { StatusBadge } from "@/components/status-badge";
import type { OrderDto } from "@/lib/service-orders/serialize";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function describeOrder(o: Pick<OrderDto, "type" | "services">) {
  return o.type === "reconditioning"
    ? "Reconditioning"
    : `Concierge ${o.services[0] === "search" ? "Search" : "Buy"}`;
}

/**
 * "Nothing matches these filters" (with a way back to the whole list) is a different message from
 * "nothing here yet" (with a way to start).
 */
function OrdersEmpty({
  filtered,
  clearHref,
  emptyText,
}: {
  filtered: boolean;
  clearHref: string;
  emptyText: string;
}) {
  return (
    <ListEmpty
      filtered={filtered}
      clearHref={clearHref}
      noMatch={{
        title: "No service orders match these filters",
        description: "Try another search or a wider date range.",
      }}
      none={{ title: "No service orders yet", description: emptyText }}
    />
  );
}

export function OrdersTable({
  orders,
  timeZone,
  showDealer,
  filtered,
  clearHref,
  emptyText = "Create a quote for the customer to pay, or place an order on the dealership's account.",
}: {
  orders: (OrderDto & { dealerName: string; dealerTimeZone: string })[];
  timeZone: string;
  showDealer?: boolean;
  /** Whether filters narrow the list (changes the empty state). */
  filtered: boolean;
  /** The unfiltered list. */
  clearHref: string;
  emptyText?: string;
}) {
  return (
    <DataTable
      rows={orders}
      rowKey={(o) => o.id}
      empty={<OrdersEmpty filtered={filtered} clearHref={clearHref} emptyText={emptyText} />}
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
