import { CopyButton } from "@/components/copy-button";

/** A secret shown exactly once, right after it was created. */
export function SecretReveal({ label, value }: { label: string; value: string }) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="font-medium">{label}</p>
      <p className="mt-1 text-muted-foreground">It is shown only now. Store it somewhere safe.</p>
      <div className="mt-2 flex items-center gap-2">
        <code
          data-testid="revealed-secret"
          className="min-w-0 flex-1 break-all rounded bg-background px-2 py-1 font-mono text-xs"
        >
          {value}
        </code>
        <CopyButton value={value} aria-label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}
