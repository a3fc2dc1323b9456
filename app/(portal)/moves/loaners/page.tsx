import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { SectionCard } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { listLoaners } from "@/lib/moves/queries";
import type { LoanerDto } from "@/lib/moves/serialize";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { LoanerActions } from "../_components/loaner-actions";
import { LoanerForm } from "../_components/loaner-form";
import { ZonedTime } from "../_components/zoned-time";

export const metadata: Metadata = { title: "Loaner fleet" };

const BADGE: Record<LoanerDto["status"], { status: string; label: string }> = {
  available: { status: "active", label: "Available" },
  with_customer: { status: "in-progress", label: "With customer" },
  out_of_service: { status: "disabled", label: "Out of service" },
};

type Loan = LoanerDto["bookings"][number];

/** "Harry Stevens, from … until returned (move 12)". */
function LoanText({ loan, timeZone }: { loan: Loan; timeZone: string }) {
  const move = loan.out_move_id ?? loan.return_move_id;
  return (
    <>
      {loan.customer_name}, from <ZonedTime value={loan.from} timeZone={timeZone} />{" "}
      {loan.until ? (
        <>
          to <ZonedTime value={loan.until} timeZone={timeZone} />
        </>
      ) : (
        "until returned"
      )}
      {move ? (
        <>
          {" "}
          (
          <Link href={`/moves/${move}`} className="text-primary hover:underline">
            move {move}
          </Link>
          )
        </>
      ) : null}
    </>
  );
}

export default async function LoanersPage() {
  const actor = await requireUserPage();
  const db = getDb();
  const fleet = loadOr404(() => listLoaners(db, actor));
  const tz = timeZoneFor(db, actor.dealerId);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Loaner fleet"
        description="A loaner a pickup hands over stays with the customer until a return booking brings it back (or you mark it returned). Out-of-service loaners cannot be booked."
      />
      {fleet.length === 0 ? (
        <EmptyState title="No loaners yet" description="Add the vehicles you lend to customers." />
      ) : (
        <div className="overflow-x-auto">
          <Table aria-label="Loaners">
            <TableHeader>
              <TableRow>
                <TableHead>Stock</TableHead>
                <TableHead>Vehicle</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Loans</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {fleet.map((l) => (
                <TableRow key={l.id} data-testid="loaner-row" data-stock={l.stock}>
                  <TableCell className="font-medium">{l.stock}</TableCell>
                  <TableCell>
                    {[l.year, l.make, l.model, l.color].filter(Boolean).join(" ")}
                    {l.vin ? <span className="block font-mono text-xs">{l.vin}</span> : null}
                  </TableCell>
                  <TableCell data-testid="loaner-status">
                    <StatusBadge {...BADGE[l.status]} />
                  </TableCell>
                  <TableCell className="text-sm">
                    {l.bookings.length === 0 ? (
                      "—"
                    ) : (
                      <ul className="grid gap-1">
                        {l.bookings.map((loan) => (
                          <li key={`${loan.out_move_id}-${loan.return_move_id}-${loan.from}`}>
                            <LoanText loan={loan} timeZone={tz} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  <TableCell>
                    <LoanerActions loaner={l} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <SectionCard title="Add a loaner">
        <LoanerForm />
      </SectionCard>
    </div>
  );
}
