import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { StatusBadge } from "@/components/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
  if (orders.length === 0) {
    return (
      <EmptyState
        title="No service orders match"
        description="Change the filters, or create a quote or an order."
      />
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Order</TableHead>
          {showDealer ? <TableHead>Dealer</TableHead> : null}
          <TableHead>Type</TableHead>
          <TableHead>Vehicle</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Estimated</TableHead>
          <TableHead className="text-right">Total</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {orders.map((o) => (
          <TableRow key={o.id}>
            <TableCell>
              <Link
                href={`/service-orders/${o.id}`}
                className="font-mono text-xs font-medium text-primary hover:underline"
              >
                {o.id}
              </Link>
            </TableCell>
            {showDealer ? <TableCell>{o.dealerName}</TableCell> : null}
            <TableCell>{describeOrder(o)}</TableCell>
            <TableCell className="font-mono text-xs">
              {o.vin ?? "—"}
              {o.stock ? ` · ${o.stock}` : ""}
            </TableCell>
            <TableCell>
              <StatusBadge status={o.status} />
            </TableCell>
            <TableCell className="whitespace-nowrap">
              <DateTime value={o.estimatedTime} timeZone={showDealer ? o.dealerTimeZone : timeZone} />
            </TableCell>
            <TableCell className="text-right">{usd.format(o.total)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
