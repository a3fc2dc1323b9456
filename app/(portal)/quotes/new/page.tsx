import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { cn } from "@/lib/utils";
import { dealOptions, reconServiceOptions } from "../../service-orders/_components/options";
import {
  BuyQuoteFormFull,
  ReconQuoteForm,
  SearchQuoteForm,
} from "../../service-orders/_components/quote-forms";

export const metadata: Metadata = { title: "New quote" };

const KINDS = [
  { kind: "reconditioning", label: "Reconditioning" },
  { kind: "search", label: "Concierge Search" },
  { kind: "buy", label: "Concierge Buy" },
] as const;

export default async function NewQuotePage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  const actor = await requireUserPage();
  const { type } = await searchParams;
  const kind = KINDS.find((k) => k.kind === type)?.kind ?? "reconditioning";
  const deals = loadOr404(() => dealOptions(getDb(), actor));
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="New quote"
        description="The customer pays the quote through its link; payment creates the service order."
      />
      <nav aria-label="Quote type" className="flex gap-1 overflow-x-auto border-b">
        {KINDS.map((k) => (
          <Link
            key={k.kind}
            href={`/quotes/new?type=${k.kind}`}
            aria-current={k.kind === kind ? "page" : undefined}
            className={cn(
              "whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-muted-foreground",
              k.kind === kind && "border-primary text-foreground",
            )}
          >
            {k.label}
          </Link>
        ))}
      </nav>
      <Card>
        <CardContent>
          {kind === "reconditioning" ? (
            <ReconQuoteForm services={reconServiceOptions()} deals={deals} />
          ) : null}
          {kind === "search" ? <SearchQuoteForm deals={deals} /> : null}
          {kind === "buy" ? <BuyQuoteFormFull deals={deals} /> : null}
        </CardContent>
      </Card>
    </div>
  );
}
