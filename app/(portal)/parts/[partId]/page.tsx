import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Money } from "@/components/money";
import { PageHeader } from "@/components/page-header";
import { SectionCard } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getPart } from "@/lib/parts/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { AddToBasket } from "../_components/part-search";

export const metadata: Metadata = { title: "Part" };

const cents = (v: number) => Math.round(v * 100);

export default async function PartPage({ params }: { params: Promise<{ partId: string }> }) {
  const { partId } = await params;
  const actor = await requireUserPage();
  if (!actor.dealerId) redirect("/parts/counter");
  const part = loadOr404(() => getPart(getDb(), actor, partId));
  const alternatives = part.alternativeParts.find((a) => a.alternativeType === "ALTERNATIVE")?.parts ?? [];
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title={`${part.brandCode} ${part.partCode}`}
        description={part.description}
        actions={<AddToBasket part={part} dealerId={actor.dealerId} />}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <SectionCard title="Details and stock">
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <dt className="text-muted-foreground">Category</dt>
            <dd>{part.category}</dd>
            <dt className="text-muted-foreground">List price</dt>
            <dd>
              <Money cents={cents(part.listPrice.netValue)} /> / {part.unitOfSale} (tax{" "}
              {part.listPrice.taxRate}%)
            </dd>
            <dt className="text-muted-foreground">Core charge</dt>
            <dd>{part.surcharge ? <Money cents={cents(part.surcharge.netValue)} /> : "None"}</dd>
            <dt className="text-muted-foreground">Weight</dt>
            <dd>{part.weight.value} kg</dd>
            <dt className="text-muted-foreground">On hand / reserved</dt>
            <dd data-testid="part-stock">
              {part.stock.onHand} / {part.stock.reserved} ({part.stock.availableStock} available)
            </dd>
            <dt className="text-muted-foreground">Back-order</dt>
            <dd>
              {part.stock.isAvailableForBackOrder
                ? `Yes, ${part.stock.leadTimeInDays} days lead time`
                : "Not available"}
            </dd>
            <dt className="text-muted-foreground">Vehicle reference</dt>
            <dd>{part.mandatoryVehicleReferences.length ? "VIN required" : "Not needed"}</dd>
            {part.stock.salesBlocked ? (
              <>
                <dt className="text-muted-foreground">Sales block</dt>
                <dd className="text-destructive">{part.stock.salesBlockedDescription}</dd>
              </>
            ) : null}
          </dl>
        </SectionCard>
        <SectionCard title="Supersession and alternatives" contentClassName="grid gap-4 text-sm">
          <div>
            <h2 className="mb-2 font-medium">Supersession chain</h2>
            <ol className="grid gap-1" aria-label="Supersession chain">
              {part.supersessionChain.map((c) => (
                <li key={c.partId}>
                  {"current" in c ? (
                    <strong>
                      {c.brandCode} {c.partCode} (this part)
                    </strong>
                  ) : (
                    <Link className="text-primary underline" href={`/parts/${c.partId}`}>
                      {c.brandCode} {c.partCode}
                    </Link>
                  )}
                  {c.supersessionDate ? (
                    <span className="text-muted-foreground"> · superseded {c.supersessionDate}</span>
                  ) : null}
                </li>
              ))}
            </ol>
            {part.latestPart ? (
              <p className="mt-2 text-amber-900">
                Order {part.latestPart.brandCode} {part.latestPart.partCode} instead: orders follow the chain
                automatically.
              </p>
            ) : null}
          </div>
          <div>
            <h2 className="mb-2 font-medium">Alternatives</h2>
            {alternatives.length === 0 ? (
              <p className="text-muted-foreground">None on file.</p>
            ) : (
              <ul className="grid gap-1">
                {alternatives.map((a) => (
                  <li key={a.partId}>
                    <Link className="text-primary underline" href={`/parts/${a.partId}`}>
                      {a.brandCode} {a.partCode}
                    </Link>{" "}
                    {a.description} · {"availableStock" in a ? `${a.availableStock} in stock` : ""}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </SectionCard>
      </div>
    </div>
  );
}
