import type { Metadata } from "next";
import Link from "next/link";
import { CopyButton } from "@/components/copy-button";
import { DateTime } from "@/components/date-time";
import { DetailRows } from "@/components/detail-rows";
import { formatCents } from "@/components/money";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { SectionCard } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getCartDetail } from "@/lib/checkout/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { withRequestOrigin } from "@/lib/platform/origin";

export const metadata: Metadata = { title: "Checkout cart" };

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export default async function CartPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUserPage();
  const detail = await withRequestOrigin(() =>
    loadOr404(() => getCartDetail(getDb(), actor, decodeURIComponent(id))),
  );
  const { cart, timeZone } = detail;
  const rows: [string, React.ReactNode][] = [
    ["OEM", detail.oemName],
    ["Fulfilled by", cart.fulfillingDealer.name],
    ["Registration state", cart.registrationState ?? "—"],
    ["Source", cart.source ?? "—"],
    ["Order type", cart.orderCreationType],
    ["Link", cart.linkUseType === "SINGLE_USE" ? "Single use" : "Multi use"],
    ["Payment options", cart.customLinkConfig?.checkoutPaymentOverride ?? "All (reservation, full, loan)"],
    ["Ecomm user / order", [cart.ecommUserId, cart.ecommOrderId].filter(Boolean).join(" / ") || "—"],
    ["Created", <DateTime key="c" value={cart.createdAt} timeZone={timeZone} />],
    [
      "First opened",
      cart.openedAt ? <DateTime key="o" value={cart.openedAt} timeZone={timeZone} /> : "Not yet",
    ],
    [
      "Last activity",
      cart.lastActivityAt ? <DateTime key="l" value={cart.lastActivityAt} timeZone={timeZone} /> : "—",
    ],
    ["Placed", cart.placedAt ? <DateTime key="p" value={cart.placedAt} timeZone={timeZone} /> : "Not yet"],
  ];
  if (cart.deactivatedAt)
    rows.push(["Withdrawn by the OEM", <DateTime key="w" value={cart.deactivatedAt} timeZone={timeZone} />]);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title={`Cart ${cart.id}`}
        description={cart.variants.map((v) => `${v.modelYear} ${v.name}`).join(", ")}
      >
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={cart.status} />
          <Link href="/checkout" className="text-sm text-primary hover:underline">
            All carts
          </Link>
        </div>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="grid content-start gap-6">
          <SectionCard title="Vehicles and items" className="gap-4" contentClassName="grid gap-3 text-sm">
            {cart.variants.map((v, i) => (
              <div key={`${v.variantConfigId}-${i}`} className="rounded-md border p-3">
                <p className="font-semibold">
                  {v.modelYear} {v.name} · {usd.format(v.price)}
                </p>
                <p className="font-mono text-xs break-all text-muted-foreground">{v.variantConfigId}</p>
                {v.accessories.map((a) => (
                  <p key={a.name} className="text-muted-foreground">
                    {a.name} · {usd.format(a.price)}
                  </p>
                ))}
              </div>
            ))}
            {Object.entries(cart.items).map(([itemId, lines]) => (
              <p key={itemId}>
                {lines.length} × {lines[0].name} · {usd.format(lines.reduce((s, l) => s + l.price, 0))}
              </p>
            ))}
            <p className="flex justify-between border-t pt-2 font-semibold">
              <span>Total before delivery and payment option</span>
              <span className="tabular-nums">{usd.format(cart.totals.total)}</span>
            </p>
          </SectionCard>
          <SectionCard title="Placed orders" className="gap-4">
            {detail.orders.length === 0 ? (
              <p className="text-sm text-muted-foreground">No order placed from this cart yet.</p>
            ) : (
              <ul className="grid gap-2 text-sm">
                {detail.orders.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`/checkout/orders/${o.id}`}
                      className="font-mono text-primary hover:underline"
                    >
                      {o.id}
                    </Link>
                    <span>{o.buyer}</span>
                    <StatusBadge status={o.paymentStatus} />
                    <StatusBadge status={o.fulfillmentStatus} />
                    <span className="tabular-nums">{formatCents(o.totalCents)}</span>
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
          <SectionCard title="History" className="gap-4">
            <Timeline items={detail.timeline} timeZone={timeZone} />
          </SectionCard>
        </div>
        <div className="grid content-start gap-6">
          <SectionCard title="Details" className="gap-4" contentClassName="grid gap-3">
            <DetailRows rows={rows} />
            <div className="grid gap-1 text-sm">
              <p className="text-muted-foreground">Checkout link</p>
              <p className="font-mono text-xs break-all" data-testid="checkout-link">
                {cart.checkoutUrl}
              </p>
              <CopyButton value={cart.checkoutUrl} aria-label="Copy checkout link" />
            </div>
            <div className="grid gap-1 text-sm">
              <p className="text-muted-foreground">Placed order metadata</p>
              <pre className="overflow-x-auto rounded-md bg-muted p-2 font-mono text-xs whitespace-pre-wrap break-all">
                {cart.placedOrderMetadata ? JSON.stringify(cart.placedOrderMetadata, null, 2) : "None"}
              </pre>
            </div>
          </SectionCard>
        </div>
      </div>
    </div>
  );
}
