import type * as React from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/utils";

export type FilterFormProps = {
  /** Accessible name of the form, e.g. "Filter orders". */
  label: string;
  /** The list page's path; the form submits there (GET) and "Clear" links there. */
  action?: string;
  /** Layout of the fields (grid or flex classes). */
  className: string;
  /** Text of the submit button. */
  submitLabel?: string;
  /** Show a "Clear" link back to `action` (the unfiltered list). */
  clear?: boolean;
  /** Extra classes for the Apply/Clear row (e.g. a column span); without "Clear", Apply stands alone. */
  buttonsClassName?: string;
  /** Wrap the form in a card, as most list pages do. */
  card?: boolean;
  children: React.ReactNode;
};

/** GET form for a list page: every filter lives in the URL, so views can be bookmarked and shared. */
export function FilterForm({
  label,
  action,
  className,
  submitLabel = "Apply filters",
  clear = true,
  buttonsClassName,
  card = true,
  children,
}: FilterFormProps) {
  const form = (
    <form method="get" action={action} className={className} aria-label={label}>
      {children}
      {clear && action ? (
        <div className={cn("flex gap-2", buttonsClassName)}>
          <Button type="submit">{submitLabel}</Button>
          <Button asChild variant="ghost">
            <a href={action}>Clear</a>
          </Button>
        </div>
      ) : (
        <Button type="submit">{submitLabel}</Button>
      )}
    </form>
  );
  if (!card) return form;
  return (
    <Card>
      <CardContent>{form}</CardContent>
    </Card>
  );
}

export type FilterFieldProps = {
  /** Id of the control, tied to the label. */
  id: string;
  label: React.ReactNode;
  className?: string;
  children: React.ReactNode;
};

/** Label above one filter control. */
export function FilterField({ id, label, className, children }: FilterFieldProps) {
  return (
    <div className={cn("grid gap-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}

export type FilterOption = string | { value: string; label: React.ReactNode };

export type FilterSelectProps = Omit<FilterFieldProps, "children"> & {
  name: string;
  /** Current value from the URL; the "any" option when absent. */
  value: string | undefined;
  /** Label of the empty option that means "no filter", e.g. "Any status". */
  anyLabel: string;
  /** Plain strings are their own labels. */
  options: readonly FilterOption[];
};

/** A select filter: "any" first, then the options. */
export function FilterSelect({ id, label, className, name, value, anyLabel, options }: FilterSelectProps) {
  return (
    <FilterField id={id} label={label} className={className}>
      <Select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((o) => {
          const { value: v, label: text } = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </Select>
    </FilterField>
  );
}

export type FilterInputProps = Omit<FilterFieldProps, "children"> & {
  name: string;
  value: string | undefined;
  type?: "text" | "date";
  placeholder?: string;
  /** What is wrong with this filter's value (from the URL), shown under it. */
  error?: string | null;
};

/** A text or date filter. */
export function FilterInput({
  id,
  label,
  className,
  name,
  value,
  type,
  placeholder,
  error,
}: FilterInputProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FilterField id={id} label={label} className={className}>
      <Input
        id={id}
        type={type}
        name={name}
        defaultValue={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
      />
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </FilterField>
  );
}

/** A filter the URL got wrong, shown above the list instead of an error page. */
export function FilterError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="text-sm text-destructive">
      {message}
    </p>
  );
}
