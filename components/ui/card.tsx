import type * as React from "react";
import { cn } from "@/lib/utils";

export function Card({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="card"
      className={cn(
        "flex flex-col gap-6 rounded-lg border border-border bg-background py-6 text-foreground shadow-xs",
        className,
      )}
      {...props}
    />
  );
}

export function CardHeader({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div data-slot="card-header" className={cn("flex flex-col gap-1.5 px-4 sm:px-6", className)} {...props} />
  );
}

export type CardTitleProps = React.ComponentProps<"h2"> & {
  /** Heading level to render; defaults to `h2`. */
  as?: "h2" | "h3" | "h4";
};

export function CardTitle({ className, as: Tag = "h2", ...props }: CardTitleProps) {
  return (
    <Tag
      data-slot="card-title"
      className={cn("text-base leading-tight font-semibold", className)}
      {...props}
    />
  );
}

export function CardDescription({ className, ...props }: React.ComponentProps<"p">) {
  return (
    <p data-slot="card-description" className={cn("text-sm text-muted-foreground", className)} {...props} />
  );
}

export function CardContent({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="card-content" className={cn("px-4 sm:px-6", className)} {...props} />;
}

export function CardFooter({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="card-footer"
      className={cn("flex flex-wrap items-center gap-2 px-4 sm:px-6", className)}
      {...props}
    />
  );
}

export type SectionCardProps = Omit<React.ComponentProps<"div">, "title"> & {
  title: React.ReactNode;
  contentClassName?: string;
};

/** The titled card many pages repeat (Card > CardHeader > CardTitle, then CardContent), in one place; same markup. */
export function SectionCard({ title, contentClassName, children, ...props }: SectionCardProps) {
  return (
    <Card {...props}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent className={contentClassName}>{children}</CardContent>
    </Card>
  );
}
