"use client";

import { type ComponentProps, type ReactNode, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";

export interface Confirmation {
  title: string;
  description?: ReactNode;
  /** Text of the button that goes ahead, e.g. "Complete order". */
  confirmLabel: string;
  /** The button that backs out; "Go back" by default. */
  cancelLabel?: string;
  destructive?: boolean;
}

/**
 * A form whose submit first asks in a dialog: for changes that cannot be undone (completing,
 * canceling, charging). Enter and the submit button both open it; only "confirm" sends the form,
 * with everything typed in it. The form's own submit button keeps its pending state.
 */
export function ConfirmForm({
  confirm,
  children,
  onSubmit,
  ...props
}: Omit<ComponentProps<"form">, "ref"> & { confirm: Confirmation }) {
  const formRef = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  const [open, setOpen] = useState(false);
  return (
    <>
      <form
        {...props}
        ref={formRef}
        onSubmit={(e) => {
          if (confirmed.current) {
            confirmed.current = false;
            onSubmit?.(e);
            return;
          }
          e.preventDefault();
          setOpen(true);
        }}
      >
        {children}
      </form>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{confirm.title}</DialogTitle>
            {confirm.description ? <DialogDescription>{confirm.description}</DialogDescription> : null}
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{confirm.cancelLabel ?? "Go back"}</Button>
            </DialogClose>
            <Button
              variant={confirm.destructive ? "destructive" : "default"}
              onClick={() => {
                confirmed.current = true;
                setOpen(false);
                formRef.current?.requestSubmit();
              }}
            >
              {confirm.confirmLabel}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
