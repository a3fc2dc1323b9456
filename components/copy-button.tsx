"use client";

import { Check, Copy } from "lucide-react";
import * as React from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";

export type CopyButtonProps = Omit<ButtonProps, "value" | "onClick" | "asChild"> & {
  /** Text written to the clipboard. */
  value: string;
  /** Accessible name; defaults to "Copy". Always set it for icon-only buttons, e.g. "Copy order number". */
  "aria-label"?: string;
};

/** Copies `value` to the clipboard and toasts "Copied". Icon-only unless children are given. */
export function CopyButton({
  value,
  "aria-label": ariaLabel = "Copy",
  children,
  variant = "ghost",
  size,
  ...props
}: CopyButtonProps) {
  const [copied, setCopied] = React.useState(false);

  React.useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success("Copied");
    } catch {
      toast.error("Couldn't copy to the clipboard");
    }
  }

  const Icon = copied ? Check : Copy;
  return (
    <Button
      type="button"
      variant={variant}
      size={size ?? (children ? "sm" : "icon")}
      aria-label={ariaLabel}
      onClick={copy}
      {...props}
    >
      <Icon aria-hidden="true" />
      {children}
    </Button>
  );
}
