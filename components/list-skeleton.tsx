import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

export type ListSkeletonProps = {
  /** Stat cards above the filters (e.g. a funnel); none by default. */
  stats?: number;
  /** Width of the filter-bar placeholder. */
  filterClassName?: string;
  /** Table row placeholders. */
  rows?: number;
};

/** Loading state of a list page (`loading.tsx`): title, optional stat cards, filter bar, table rows. */
export function ListSkeleton({ stats = 0, filterClassName = "max-w-sm", rows = 6 }: ListSkeletonProps) {
  return (
    <div className="grid grid-cols-1 gap-6" role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-8 w-48" />
      {stats > 0 ? (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {Array.from({ length: stats }, (_, i) => (
            <Skeleton key={i} className="h-20 w-full" />
          ))}
        </div>
      ) : null}
      <Skeleton className={cn("h-9 w-full", filterClassName)} />
      <div className="grid gap-2">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
    </div>
  );
}
