import { Skeleton } from "@/components/ui/skeleton";

export default function PartsLoading() {
  return (
    <div className="grid grid-cols-1 gap-6" role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-9 w-full max-w-sm" />
      <div className="grid gap-2">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
    </div>
  );
}
