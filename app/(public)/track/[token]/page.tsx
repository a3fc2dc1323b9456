import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { getTrackingView } from "@/lib/moves/queries";
import { withRequestOrigin } from "@/lib/platform/origin";
import { LiveTracking } from "./_components/live-tracking";

export const metadata: Metadata = {
  title: "Track your vehicle",
  robots: { index: false, follow: false },
};

export default async function TrackPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const data = await withRequestOrigin(() => getTrackingView(getDb(), token));
  if (!data) notFound();
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">
        {data.moves.length > 1 ? "Your loaner swap" : "Your vehicle move"}
      </h1>
      <LiveTracking token={token} initial={data} />
    </div>
  );
}
