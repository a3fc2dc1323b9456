import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { getDb } from "@/db/client";
import { counterQueue } from "@/lib/parts/queries";
import { COUNTER_STAGES } from "@/lib/parts/schema";
import { requireUserPage } from "@/lib/platform/auth/current";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { CounterBoard } from "../_components/counter-board";

export const metadata: Metadata = { title: "Parts counter" };

export default async function CounterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUserPage();
  const asked = (await searchParams).stage;
  const stage = (COUNTER_STAGES as readonly string[]).includes(String(asked)) ? (asked as string) : undefined;
  const db = getDb();
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Parts counter"
        description={`Lines waiting for their next step, oldest first${actor.dealerId ? "" : ", across every dealer"}. Updates every 2 seconds.`}
      />
      <CounterBoard
        key={stage ?? "all"}
        stage={stage}
        initial={counterQueue(db, actor, { stage })}
        timeZone={timeZoneFor(db, actor.dealerId)}
        showDealer={!actor.dealerId}
      />
    </div>
  );
}
