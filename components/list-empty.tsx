import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";

interface Message {
  title: string;
  description: string;
}

/**
 * A list's empty state that says why it is empty: nothing exists yet, or nothing matches the
 * filters in the URL (then with a link that clears them).
 */
export function ListEmpty({
  filtered,
  clearHref,
  none,
  noMatch,
}: {
  filtered: boolean;
  clearHref: string;
  none: Message;
  noMatch: Message;
}) {
  return filtered ? (
    <EmptyState
      title={noMatch.title}
      description={noMatch.description}
      action={
        <Button asChild variant="outline">
          <Link href={clearHref}>Clear filters</Link>
        </Button>
      }
    />
  ) : (
    <EmptyState title={none.title} description={none.description} />
  );
}
