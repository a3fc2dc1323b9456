"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { Money } from "@/components/money";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import type { PartSummaryDto } from "@/lib/parts/serialize";
import { useBasket } from "./basket-store";

interface SearchPage {
  data: PartSummaryDto[];
  nextCursor: string | null;
}

const cents = (v: number) => Math.round(v * 100);

/** Waits until typing pauses before asking the server. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function AddToBasket({ part, dealerId }: { part: PartSummaryDto; dealerId: string }) {
  const { add } = useBasket(dealerId);
  return (
    <Button
      type="button"
      size="sm"
      variant="outline"
      aria-label={`Add ${part.partCode} to basket`}
      disabled={part.salesBlocked}
      onClick={() => {
        add({
          partId: part.partId,
          partCode: part.partCode,
          brandCode: part.brandCode,
          description: part.description,
        });
        toast.success(`${part.partCode} added to the basket.`);
      }}
    >
      Add to basket
    </Button>
  );
}

/** Search as you type: part-number prefixes and description words, a page at a time. */
export function PartSearch({
  brands,
  dealerId,
}: {
  brands: { brandCode: string; brandName: string }[];
  dealerId: string;
}) {
  const [query, setQuery] = useState("");
  const [brand, setBrand] = useState("");
  const q = useDebounced(query.trim(), 200);
  const { basket } = useBasket(dealerId);
  const results = useInfiniteQuery<SearchPage>({
    queryKey: ["parts-search", q, brand],
    queryFn: async ({ pageParam }) => {
      const params = new URLSearchParams({ query: q, limit: "20" });
      if (brand) params.set("brandCode", brand);
      if (pageParam) params.set("cursor", String(pageParam));
      const res = await fetch(`/api/portal/parts/search?${params}`, { cache: "no-store" });
      if (!res.ok)
        throw new Error((await res.json().catch(() => null))?.error?.message ?? `HTTP ${res.status}`);
      return res.json();
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: q.length > 0 || brand !== "",
  });
  const parts = results.data?.pages.flatMap((p) => p.data) ?? [];
  const searching = q.length > 0 || brand !== "";

  return (
    <div className="grid gap-4">
      <div className="grid gap-3 sm:grid-cols-[1fr_14rem]">
        <div className="grid gap-1">
          <Label htmlFor="part-query">Search parts</Label>
          <Input
            id="part-query"
            type="search"
            autoComplete="off"
            placeholder="Part number (FL-500S) or description (brake pads front)"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="part-brand">Brand</Label>
          <Select id="part-brand" value={brand} onChange={(e) => setBrand(e.target.value)}>
            <option value="">All brands</option>
            {brands.map((b) => (
              <option key={b.brandCode} value={b.brandCode}>
                {b.brandName}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <p className="text-sm text-muted-foreground">
        Basket: {basket.items.length} {basket.items.length === 1 ? "line" : "lines"} ·{" "}
        <Link className="text-primary underline" href="/parts/basket">
          Review basket
        </Link>
      </p>
      {!searching ? (
        <EmptyState title="Find a part" description="Type a part number or words from its description." />
      ) : results.isPending ? (
        <div className="grid gap-2" role="status" aria-label="Searching">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-14 w-full" />
          ))}
        </div>
      ) : results.isError ? (
        <p role="alert" className="text-sm text-destructive">
          {results.error.message}
        </p>
      ) : parts.length === 0 ? (
        <EmptyState title="No parts match" description={`Nothing in your parts file matches “${q}”.`} />
      ) : (
        <ul className="grid gap-2" aria-label="Search results">
          {parts.map((p) => (
            <li
              key={p.partId}
              data-testid="part-result"
              className="flex flex-col gap-2 rounded-md border p-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <p className="font-medium">
                  <Link href={`/parts/${p.partId}`} className="hover:underline">
                    {p.brandCode} {p.partCode}
                  </Link>{" "}
                  <span className="font-normal text-muted-foreground">{p.description}</span>
                </p>
                <p className="flex flex-wrap gap-x-3 text-sm text-muted-foreground">
                  <span>
                    List <Money cents={cents(p.listPrice.netValue)} /> / {p.unitOfSale}
                  </span>
                  <span>{p.availableStock} in stock</span>
                  {p.surcharge ? (
                    <span>
                      + core charge <Money cents={cents(p.surcharge.netValue)} />
                    </span>
                  ) : null}
                  {p.salesBlocked ? <span className="text-destructive">Not for sale</span> : null}
                  {p.mandatoryVehicleReferences.length ? <span>VIN required</span> : null}
                </p>
                {p.supersededBy ? (
                  <p className="text-sm text-amber-900">
                    Superseded by {p.supersededBy.brandCode} {p.supersededBy.partCode}
                  </p>
                ) : null}
              </div>
              <AddToBasket part={p} dealerId={dealerId} />
            </li>
          ))}
        </ul>
      )}
      {results.hasNextPage ? (
        <Button
          type="button"
          variant="outline"
          onClick={() => results.fetchNextPage()}
          disabled={results.isFetchingNextPage}
        >
          {results.isFetchingNextPage ? "Loading…" : "More results"}
        </Button>
      ) : null}
    </div>
  );
}
