import Link from "next/link";
import type * as React from "react";
import { DateTime, type DateTimeValue } from "@/components/date-time";
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
  /** Classes on each body cell of the column (a date-time column defaults to "whitespace-nowrap"). */
  className?: string;
  /** Classes on the header cell. */
  headClassName?: string;
} & (
  | { cell: (row: T) => React.ReactNode }
  | {
      /** A date-time column: the value shown with `DateTime` in this time zone (or each row's own). */
      dateTime: (row: T) => DateTimeValue;
      timeZone: string | ((row: T) => string);
    }
);

function renderCell<T>(c: Column<T>, row: T): React.ReactNode {
  if ("cell" in c) return c.cell(row);
  return (
    <DateTime
      value={c.dateTime(row)}
      timeZone={typeof c.timeZone === "string" ? c.timeZone : c.timeZone(row)}
    />
  );
}

function cellClassName<T>(c: Column<T>): string | undefined {
  return "cell" in c ? c.className : (c.className ?? "whitespace-nowrap");
}

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
              <TableCell key={i} className={cellClassName(c)}>
                {renderCell(c, row)}
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
