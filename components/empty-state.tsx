import type * as React from "react";
import { cn } from "@/lib/utils";

export type EmptyStateProps = {
  /** Optional decorative icon element, e.g. `<Inbox />` (sized automatically, hidden from AT). */
  icon?: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Optional call to action (Button, Link, ...). */
  action?: React.ReactNode;
  /** Heading element for the title; defaults to `h2`. */
  titleAs?: "h2" | "h3" | "p";
  className?: string;
};

export function EmptyState({
  icon,
  title,
  description,
  action,
  titleAs: Title = "h2",
  className,
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed",
        "px-4 py-10 text-center sm:px-8",
        className,
      )}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className={cn(
            "flex size-11 items-center justify-center rounded-full bg-muted text-muted-foreground",
            "[&_svg]:size-5",
          )}
        >
          {icon}
        </div>
      ) : null}
      <div className="flex max-w-md flex-col gap-1">
        <Title className="text-base font-semibold">{title}</Title>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {action ? <div className="mt-1 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}
