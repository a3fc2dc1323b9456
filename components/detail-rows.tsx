import type { ReactNode } from "react";

/**
 * Label/value pairs of a detail page as a definition list. `side` puts labels beside their values
 * from the sm breakpoint (wide cards); otherwise each label sits above its value.
 */
export function DetailRows({ rows, side = false }: { rows: [string, ReactNode][]; side?: boolean }) {
  return (
    <dl className={side ? "grid gap-2 text-sm sm:grid-cols-[10rem_1fr]" : "grid gap-2 text-sm"}>
      {rows.map(([label, value]) => (
        <div key={label} className={side ? "grid gap-0.5 sm:contents" : "grid gap-0.5"}>
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0 break-words font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
