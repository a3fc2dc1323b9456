import Link from "next/link";
import type * as React from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  type TableProps,
  TableRow,
} from "@/components/ui/table";
import { cn } from "@/lib/utils";

export type Column<T> = {
  header: React.ReactNode;
  cell: (row: T) => React.ReactNode;
  /** Classes on each body cell of the column. */
  className?: string;
  /** Classes on the header cell. */
  headClassName?: string;
};

export type DataTableProps<T> = Omit<TableProps, "children"> & {
  /** Falsy entries are skipped, so a column can be `cond && { ... }`. */
  columns: readonly (Column<T> | false | null | undefined)[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Rendered instead of the table when there are no rows (usually an `EmptyState`). */
  empty?: React.ReactNode;
};

/** A list table from column definitions: one header row, one row per item. Server-component friendly. */
export function DataTable<T>({ columns, rows, rowKey, empty, ...props }: DataTableProps<T>) {
  if (rows.length === 0 && empty !== undefined) return empty;
  const cols = columns.filter((c): c is Column<T> => Boolean(c));
  return (
    <Table {...props}>
      <TableHeader>
        <TableRow>
          {cols.map((c, i) => (
            <TableHead key={i} className={c.headClassName}>
              {c.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)}>
            {cols.map((c, i) => (
              <TableCell key={i} className={c.className}>
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The link from a list row to its detail page; ids are shown in monospace. */
export function RowLink({
  href,
  mono = true,
  children,
}: {
  href: string;
  mono?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Link href={href} className={cn(mono && "font-mono text-xs", "font-medium text-primary hover:underline")}>
      {children}
    </Link>
  );
}
