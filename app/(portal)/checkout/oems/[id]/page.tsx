import type { Metadata } from "next";
import Link from "next/link";
import { formatCents } from "@/components/money";
import { PageHeader } from "@/components/page-header";
import { SectionCard } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getOemConfig } from "@/lib/checkout/queries";
import { US_STATES } from "@/lib/checkout/states";
import { allConfigurations } from "@/lib/checkout/variant-config";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { listDealers } from "@/lib/platform/identity/dealers";
import { listEndpointsForOps } from "@/lib/platform/webhooks/queries";
import {
  AccessoryForm,
  BrandForm,
  DealerForm,
  ProductForm,
  RemoveAccessoryButton,
  RemoveBrandButton,
  RemoveDealerButton,
  RemoveProductButton,
  RenameOemForm,
  StatesForm,
} from "../../_components/oem-forms";

export const metadata: Metadata = { title: "OEM" };

export default async function OemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUserPage();
  if (actor.role !== "ops") return <p role="alert">OEM configuration is for the operations team.</p>;
  const db = getDb();
  const cfg = loadOr404(() => getOemConfig(db, actor, id));
  // OEM endpoints are owned by the OEM (its API key manages them); ops only look.
  const endpoints = listEndpointsForOps(db, actor, cfg.oem.id);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title={cfg.oem.name} description={`oemKey ${cfg.oem.oemKey} · oemId ${cfg.oem.id}`}>
        <Link href="/checkout/oems" className="text-sm text-primary hover:underline">
          All OEMs
        </Link>
      </PageHeader>
      <SectionCard title="Name" className="gap-4">
        <RenameOemForm oemId={cfg.oem.id} name={cfg.oem.name} />
      </SectionCard>
      <SectionCard title="Hosted checkout states" className="gap-4">
        <StatesForm oemId={cfg.oem.id} all={US_STATES} on={cfg.states} />
      </SectionCard>
      <SectionCard title="Fulfilling dealers" className="gap-4" contentClassName="grid gap-4">
        <p className="text-sm text-muted-foreground">
          A cart goes to the first dealer listing its registration state, otherwise to the default dealer. Its
          order goes to the dealer the buyer picks up at, or for shipping to the dealer serving the
          registration state.
        </p>
        {cfg.dealers.length ? (
          <ul className="grid gap-2 text-sm">
            {cfg.dealers.map((d) => (
              <ConfigRow
                key={d.dealerId}
                action={<RemoveDealerButton oemId={cfg.oem.id} dealerId={d.dealerId} name={d.name} />}
              >
                <span className="font-medium">{d.name}</span>
                {d.isDefault ? " (default)" : ""} ·{" "}
                {d.states.length ? d.states.join(", ") : "no states listed"}
              </ConfigRow>
            ))}
          </ul>
        ) : (
          <p className="text-sm">No dealers yet: every cart goes to the OEM's own checkout.</p>
        )}
        <DealerForm
          oemId={cfg.oem.id}
          dealers={listDealers(db).map((d) => ({ slug: d.slug, name: d.name }))}
          all={US_STATES}
        />
      </SectionCard>
      <SectionCard title="Brands" className="gap-4" contentClassName="grid gap-3">
        {cfg.brands.length ? (
          <ul className="grid gap-2 text-sm">
            {cfg.brands.map((b) => (
              <ConfigRow
                key={b.brandKey}
                action={<RemoveBrandButton oemId={cfg.oem.id} brandKey={b.brandKey} name={b.name} />}
              >
                {b.name} <span className="font-mono text-xs">({b.brandKey})</span>
              </ConfigRow>
            ))}
          </ul>
        ) : (
          <p className="text-sm">No brands yet.</p>
        )}
        <BrandForm oemId={cfg.oem.id} />
      </SectionCard>
      <SectionCard title="Products" className="gap-4" contentClassName="grid gap-4">
        {cfg.products.map((p) => (
          <section key={p.id} aria-label={p.name} className="grid gap-2 rounded-md border p-3 text-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-semibold">
                {p.modelYear} {p.name} · <span className="font-mono">{p.productId}</span> ·{" "}
                {formatCents(p.basePriceCents)}
                {p.brandKey ? ` · ${p.brandKey}` : ""}
              </p>
              <RemoveProductButton oemId={cfg.oem.id} productId={p.productId} name={p.name} />
            </div>
            <ul className="grid gap-1">
              {p.accessories.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-2">
                  <span>
                    {a.name} · {formatCents(a.priceCents)} ·{" "}
                    <span className="font-mono text-xs">{a.variantKey}</span>
                  </span>
                  <RemoveAccessoryButton oemId={cfg.oem.id} accessoryId={a.id} name={a.name} />
                </li>
              ))}
            </ul>
            <details>
              <summary className="cursor-pointer text-muted-foreground">
                {allConfigurations(p.productId, p.accessories).length} variantConfigIds
              </summary>
              <p className="mt-1 font-mono text-xs break-all">
                {allConfigurations(p.productId, p.accessories)
                  .map((c) => c.variantConfigId)
                  .join("  ")}
              </p>
            </details>
            <details>
              <summary className="cursor-pointer text-primary">Edit {p.productId}</summary>
              <div className="mt-2">
                <ProductForm
                  oemId={cfg.oem.id}
                  brands={cfg.brands}
                  product={{
                    productId: p.productId,
                    name: p.name,
                    modelYear: String(p.modelYear),
                    basePrice: String(p.basePriceCents / 100),
                    brandKey: p.brandKey ?? "",
                  }}
                />
              </div>
            </details>
            <AccessoryForm oemId={cfg.oem.id} productId={p.productId} />
          </section>
        ))}
        <ProductForm oemId={cfg.oem.id} brands={cfg.brands} />
      </SectionCard>
      <SectionCard title="OEM webhook endpoints" className="gap-4" contentClassName="grid gap-3">
        <p className="text-sm text-muted-foreground">
          {cfg.oem.name}'s own endpoints, managed with its API key (<code>POST /api/v1/webhooks</code>
          ). They hear about its carts and placed orders, whichever dealer holds them.
        </p>
        {endpoints.length ? (
          <ul className="grid gap-2 text-sm" aria-label="OEM webhook endpoints">
            {endpoints.map((w) => (
              <li key={w.id} className="grid gap-1 rounded-md border p-2">
                <span className="font-mono text-xs break-all">{w.url}</span>
                <span className="text-muted-foreground">
                  {w.enabled ? "Enabled" : `Disabled${w.disabledReason ? `: ${w.disabledReason}` : ""}`} ·{" "}
                  {w.events.join(", ")}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">No endpoints yet.</p>
        )}
      </SectionCard>
    </div>
  );
}

function ConfigRow({ children, action }: { children: React.ReactNode; action: React.ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-2">
      <span>{children}</span>
      {action}
    </li>
  );
}
