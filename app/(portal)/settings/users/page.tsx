import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, SectionCard } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { listUsers } from "@/lib/platform/identity/users";
import { CreateUserForm, ToggleUserButton } from "../_components/user-forms";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireUserPage();
  if (actor.role !== "admin") return <p role="alert">Only admins manage users.</p>;
  const users = loadOr404(() => listUsers(getDb(), actor));
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="Users" description="Who can sign in to your dealership's portal." />
      <Card>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.map((u) => (
                <TableRow key={u.id}>
                  <TableCell className="font-medium">{u.name}</TableCell>
                  <TableCell>{u.email}</TableCell>
                  <TableCell className="capitalize">{u.role}</TableCell>
                  <TableCell>
                    <StatusBadge status={u.disabled ? "disabled" : "active"} />
                  </TableCell>
                  <TableCell>
                    {u.id !== actor.userId ? (
                      <ToggleUserButton userId={u.id} disabled={u.disabled} name={u.name} />
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <SectionCard title="Add a user">
        <CreateUserForm />
      </SectionCard>
    </div>
  );
}
