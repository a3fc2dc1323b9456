import type * as React from "react";
import { cn } from "@/lib/utils";

export type SeparatorProps = Omit<React.ComponentProps<"div">, "role"> & {
  orientation?: "horizontal" | "vertical";
  /** Purely visual (default). Set `false` to expose it to assistive tech as a separator. */
  decorative?: boolean;
};

export function Separator({
  className,
  orientation = "horizontal",
  decorative = true,
  ...props
}: SeparatorProps) {
  const semantics = decorative
    ? { role: "none" as const }
    : { role: "separator" as const, "aria-orientation": orientation };
  return (
    <div
      data-slot="separator"
      data-orientation={orientation}
      {...semantics}
      className={cn(
        "shrink-0 bg-border",
        orientation === "horizontal" ? "h-px w-full" : "h-full min-h-4 w-px self-stretch",
        className,
      )}
      {...props}
    />
  );
}
