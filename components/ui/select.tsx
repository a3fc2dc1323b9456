import { ChevronDown } from "lucide-react";
import type * as React from "react";
import { controlClasses } from "@/components/ui/input";
import { cn } from "@/lib/utils";

export type SelectProps = React.ComponentProps<"select"> & {
  /** Classes for the wrapping element (width/layout). `className` goes on the `<select>` itself. */
  containerClassName?: string;
};

/** A styled native `<select>`. Pass `<option>` children as usual. */
export function Select({ className, containerClassName, multiple, ...props }: SelectProps) {
  return (
    <div data-slot="select-wrapper" className={cn("relative w-full", containerClassName)}>
      <select
        data-slot="select"
        multiple={multiple}
        className={cn(
          controlClasses,
          "appearance-none px-3",
          multiple ? "py-1" : "h-9 cursor-pointer py-1 pr-9",
          className,
        )}
        {...props}
      />
      {multiple ? null : (
        <ChevronDown
          aria-hidden="true"
          className={cn(
            "pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2",
            "text-muted-foreground",
          )}
        />
      )}
    </div>
  );
}
