import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { SectionCard } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { listLoaners } from "@/lib/moves/queries";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { LoanerForm } from "../_components/loaner-form";

export const metadata: Metadata = { title: "Loaner fleet" };

export default async function LoanersPage() {
  const actor = await requireUserPage();
  const fleet = loadOr404(() => listLoaners(getDb(), actor));
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Loaner fleet"
        description="Vehicles you lend while the customer's car is in for service."
      />
      {fleet.length === 0 ? (
        <EmptyState title="No loaners yet" description="Add the vehicles you lend to customers." />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Stock</TableHead>
              <TableHead>Vehicle</TableHead>
              <TableHead>VIN</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {fleet.map((l) => (
              <TableRow key={l.id}>
                <TableCell className="font-medium">{l.stock}</TableCell>
                <TableCell>{[l.year, l.make, l.model, l.color].filter(Boolean).join(" ")}</TableCell>
                <TableCell className="font-mono text-xs">{l.vin ?? "—"}</TableCell>
                <TableCell>
                  <StatusBadge
                    status={l.status === "available" ? "active" : "disabled"}
                    label={l.status === "available" ? "Available" : "Out of service"}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <SectionCard title="Add a loaner">
        <LoanerForm />
      </SectionCard>
    </div>
  );
}
