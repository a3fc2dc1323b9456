import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";

export interface TimelineItem {
  at: string;
  status: string | null;
  from?: string | null;
  note: string | null;
  by: string;
  estimatedTime?: string | null;
}

/** A subject's history, oldest first, as an accessible ordered list. */
export function Timeline({
  items,
  timeZone,
  label = "Timeline",
}: {
  items: TimelineItem[];
  timeZone: string;
  label?: string;
}) {
  return (
    <ol aria-label={label} className="relative grid gap-4 border-l pl-5">
      {items.map((item, i) => (
        <li key={`${item.at}-${i}`} className="relative" data-testid="timeline-entry">
          <span
            aria-hidden
            className="absolute -left-[26px] top-1.5 size-3 rounded-full border-2 border-background bg-primary"
          />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {item.status ? <StatusBadge status={item.status} /> : <span className="font-medium">Update</span>}
            <DateTime value={item.at} timeZone={timeZone} className="text-muted-foreground" />
            <span className="text-muted-foreground">by {item.by}</span>
          </div>
          {item.note ? <p className="mt-1 text-sm">{item.note}</p> : null}
          {item.estimatedTime ? (
            <p className="mt-1 text-xs text-muted-foreground">
              New estimate: <DateTime value={item.estimatedTime} timeZone={timeZone} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
