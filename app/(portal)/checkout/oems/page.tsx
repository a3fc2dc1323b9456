import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { SectionCard } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { listOemsForOps } from "@/lib/checkout/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { CreateOemForm } from "../_components/oem-forms";

export const metadata: Metadata = { title: "OEM configuration" };

export default async function OemsPage() {
  const actor = await requireUserPage();
  if (actor.role !== "ops") return <p role="alert">OEM configuration is for the operations team.</p>;
  const oems = listOemsForOps(getDb(), actor);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="OEM configuration"
        description="The OEMs whose web shops post carts: hosted checkout states, fulfilling dealers, products."
      />
      {oems.length === 0 ? (
        <EmptyState title="No OEMs yet" description="Add the first OEM below." />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>OEM</TableHead>
              <TableHead>OEM key</TableHead>
              <TableHead>OEM id</TableHead>
              <TableHead className="text-right">Hosted states</TableHead>
              <TableHead className="text-right">Products</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {oems.map((o) => (
              <TableRow key={o.id}>
                <TableCell>
                  <Link href={`/checkout/oems/${o.id}`} className="font-medium text-primary hover:underline">
                    {o.name}
                  </Link>
                </TableCell>
                <TableCell className="font-mono text-xs">{o.oemKey}</TableCell>
                <TableCell className="font-mono text-xs">{o.id}</TableCell>
                <TableCell className="text-right">{o.states}</TableCell>
                <TableCell className="text-right">{o.products}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <SectionCard title="Add an OEM" className="gap-4">
        <CreateOemForm />
        <p className="mt-3 text-sm text-muted-foreground">
          Then give its web shop a key:{" "}
          <code className="break-all">
            npm run cli -- api-key create --oem &lt;oemKey&gt; --name Shop --scopes
            checkout_carts.*,products.read,placed_orders.read,webhooks.*,events.read
          </code>
        </p>
      </SectionCard>
    </div>
  );
}
