import * as React from "react";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

type FieldControlProps = {
  id?: string;
  name?: string;
  "aria-invalid"?: boolean | "true" | "false" | "grammar" | "spelling";
  "aria-describedby"?: string;
  "aria-required"?: boolean | "true" | "false";
};

export type FieldProps = {
  /** Visible label text. */
  label: React.ReactNode;
  /** Form field name; set on the control unless the control sets its own `name`. */
  name: string;
  /** Validation message; when present the control gets `aria-invalid` and points at the message. */
  error?: string | null;
  /** Helper text under the control. */
  hint?: React.ReactNode;
  /**
   * Marks the field as required (visual asterisk + `aria-required`). Native `required` is NOT added,
   * so server-side validation still runs; put `required` on the control yourself if you want it.
   */
  required?: boolean;
  /** Control id; defaults to the child's `id`, else a generated one. */
  id?: string;
  className?: string;
  /** Exactly one form control element (Input, Textarea, Select, Checkbox, ...). */
  children: React.ReactElement<FieldControlProps>;
};

/**
 * Label + control + hint + error, wired for accessibility: `<label htmlFor>`, and the single child control
 * receives `id`, `name`, `aria-invalid`, `aria-required` and `aria-describedby` (error and hint).
 */
export function Field({ label, name, error, hint, required, id, className, children }: FieldProps) {
  const autoId = React.useId();
  const child = React.Children.only(children);
  const controlId = id ?? child.props.id ?? `${name}-${autoId}`;
  const errorId = error ? `${controlId}-error` : undefined;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const describedBy =
    [errorId, hintId, child.props["aria-describedby"]].filter(Boolean).join(" ") || undefined;

  const control = React.cloneElement(child, {
    id: controlId,
    name: child.props.name ?? name,
    "aria-invalid": error ? true : child.props["aria-invalid"],
    "aria-describedby": describedBy,
    "aria-required": required ? true : child.props["aria-required"],
  });

  return (
    <div data-slot="field" data-invalid={error ? "true" : undefined} className={cn("grid gap-2", className)}>
      <Label htmlFor={controlId}>
        <span>
          {label}
          {required ? (
            <span aria-hidden="true" className="ml-0.5 text-destructive">
              *
            </span>
          ) : null}
        </span>
      </Label>
      {control}
      {hint ? (
        <p id={hintId} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}

export type FieldErrorProps = Omit<React.ComponentProps<"p">, "children"> & {
  /** Message(s) to show; renders nothing when empty. */
  children?: React.ReactNode;
};

/** An error message (`role="alert"`, small, destructive colour). Renders nothing when empty. */
export function FieldError({ className, children, ...props }: FieldErrorProps) {
  if (children == null || children === false || children === "") return null;
  if (Array.isArray(children) && children.length === 0) return null;
  return (
    <p data-slot="field-error" role="alert" className={cn("text-sm text-destructive", className)} {...props}>
      {children}
    </p>
  );
}
