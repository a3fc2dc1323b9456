import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

export type PaginationProps = {
  /** Path of the list page, e.g. "/service-orders". */
  basePath: string;
  /** Current search params (filters etc.); preserved in both links. */
  searchParams: Record<string, string | string[] | undefined>;
  /** Cursor for the next page, or `null` on the last page. */
  nextCursor: string | null;
  /**
   * Whether there is a previous page; by default, whether `searchParams` carries a cursor. "Previous" links
   * back to the first page. Missing links render as disabled buttons.
   */
  hasPrevious?: boolean;
  className?: string;
};

function buildHref(basePath: string, params: PaginationProps["searchParams"], cursor: string | null) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "cursor" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, item);
  }
  if (cursor) query.set("cursor", cursor);
  const qs = query.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

const linkClass = cn(buttonVariants({ variant: "outline", size: "sm" }));

export function Pagination({
  basePath,
  searchParams,
  nextCursor,
  hasPrevious = Boolean(searchParams.cursor),
  className,
}: PaginationProps) {
  return (
    <nav
      aria-label="Pagination"
      className={cn("no-print flex items-center justify-between gap-2", className)}
    >
      {hasPrevious ? (
        <Link href={buildHref(basePath, searchParams, null)} rel="prev" className={linkClass}>
          <ChevronLeft aria-hidden="true" />
          Previous
        </Link>
      ) : (
        <button type="button" disabled className={linkClass}>
          <ChevronLeft aria-hidden="true" />
          Previous
        </button>
      )}
      {nextCursor ? (
        <Link href={buildHref(basePath, searchParams, nextCursor)} rel="next" className={linkClass}>
          Next
          <ChevronRight aria-hidden="true" />
        </Link>
      ) : (
        <button type="button" disabled className={linkClass}>
          Next
          <ChevronRight aria-hidden="true" />
        </button>
      )}
    </nav>
  );
}
