import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { withRequestOrigin } from "@/lib/platform/origin";
import { getOrderByReceiptToken } from "@/lib/service-orders/queries";
import { LiveReceipt } from "./_components/live-receipt";

export const metadata: Metadata = {
  title: "Your service order",
  robots: { index: false, follow: false },
};

export default async function ReceiptPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const data = await withRequestOrigin(() => getOrderByReceiptToken(getDb(), token));
  if (!data) notFound();
  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <p className="text-sm text-muted-foreground">
          From <span className="font-medium text-foreground">{data.dealerName}</span>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          Service order <span className="block font-mono text-lg break-all">{data.order.id}</span>
        </h1>
      </div>
      <LiveReceipt token={token} initial={data} />
    </div>
  );
}
