"use client";

import { Loader2 } from "lucide-react";
import type * as React from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "@/components/ui/button";

export type SubmitButtonProps = Omit<ButtonProps, "type" | "asChild"> & {
  /** Label shown (with a spinner) while the enclosing form is submitting. Defaults to `children`. */
  pendingLabel?: React.ReactNode;
};

/** A `type="submit"` Button that is disabled and shows a spinner while its parent `<form>` is pending. */
export function SubmitButton({ children, pendingLabel, disabled, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending || disabled} aria-busy={pending || undefined} {...props}>
      {pending ? (
        <>
          <Loader2 className="animate-spin motion-reduce:animate-none" aria-hidden="true" />
          {pendingLabel ?? children}
        </>
      ) : (
        children
      )}
    </Button>
  );
}
