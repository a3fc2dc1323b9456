import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { getDb } from "@/db/client";
import { listBrands } from "@/lib/parts/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { PartSearch } from "./_components/part-search";

export const metadata: Metadata = { title: "Parts" };

export default async function PartsPage() {
  const actor = await requireUserPage();
  if (!actor.dealerId) redirect("/parts/counter");
  const brands = listBrands(getDb(), actor).data;
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Parts"
        description="Search your parts file by part number or description and build a basket for a trade account."
      />
      <PartSearch brands={brands} dealerId={actor.dealerId} />
    </div>
  );
}
