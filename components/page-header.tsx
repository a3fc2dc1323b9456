import type * as React from "react";
import { cn } from "@/lib/utils";

export type PageHeaderProps = {
  /** Page title, rendered as the page's `<h1>`. */
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons/links shown to the right on wide screens, below the title on mobile. Hidden when printing. */
  actions?: React.ReactNode;
  /** Extra content under the title (e.g. breadcrumbs-free metadata, badges). */
  children?: React.ReactNode;
  className?: string;
};

export function PageHeader({ title, description, actions, children, className }: PageHeaderProps) {
  return (
    <header
      data-slot="page-header"
      className={cn("flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between", className)}
    >
      <div className="flex min-w-0 flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
        {children}
      </div>
      {actions ? <div className="no-print flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}
