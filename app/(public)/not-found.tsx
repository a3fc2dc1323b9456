/** Shown for an unknown or mistyped pay or receipt link. */
export default function PublicNotFound() {
  return (
    <div className="grid gap-2 rounded-lg border bg-background p-6">
      <h1 className="text-xl font-semibold">This link isn't valid</h1>
      <p className="text-sm text-muted-foreground">
        Check that you opened the whole link from your dealership's message, or ask them to send it again.
      </p>
    </div>
  );
}
