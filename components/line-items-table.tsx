import {
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export interface LineItemRow {
  service: string;
  name: string;
  description: string;
  /** Unit price in dollars, as the API shows it. */
  price: number;
  quantity: number;
}

/** The services of a quote or order with quantities, amounts and the total. */
export function LineItemsTable({
  items,
  total,
  totalTestId,
}: {
  items: LineItemRow[];
  total: number;
  totalTestId?: string;
}) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Service</TableHead>
          <TableHead className="text-right">Qty</TableHead>
          <TableHead className="text-right">Price</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((i) => (
          <TableRow key={i.service}>
            <TableCell>
              <span className="font-medium">{i.name}</span>
              <span className="block text-xs text-muted-foreground">{i.description}</span>
            </TableCell>
            <TableCell className="text-right">{i.quantity}</TableCell>
            <TableCell className="text-right">{usd.format(i.price * i.quantity)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={2}>Total</TableCell>
          <TableCell className="text-right" data-testid={totalTestId}>
            {usd.format(total)}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}
