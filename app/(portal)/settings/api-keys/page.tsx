import type { Metadata } from "next";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { listApiKeys } from "@/lib/platform/identity/api-keys";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { API_RESOURCES } from "@/lib/platform/identity/schema";
import { CreateApiKeyForm, RevokeApiKeyButton } from "../_components/api-key-forms";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const actor = await requireUserPage();
  if (actor.role !== "admin") return <p role="alert">Only admins manage API keys.</p>;
  const db = getDb();
  const keys = loadOr404(() => listApiKeys(db, actor));
  const timeZone = timeZoneFor(db, actor.dealerId);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title="API keys" description="Keys for your integrations to call the Forecourt API." />
      <Card>
        <CardContent>
          {keys.length === 0 ? (
            <EmptyState
              title="No API keys"
              description="Create a key for each integration so you can revoke them one by one."
            />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Key</TableHead>
                  <TableHead>Scopes</TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead>Last used</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {keys.map((k) => (
                  <TableRow key={k.id}>
                    <TableCell className="font-medium">{k.name}</TableCell>
                    <TableCell className="font-mono text-xs">{k.prefix}…</TableCell>
                    <TableCell className="font-mono text-xs">{k.scopes.join(", ")}</TableCell>
                    <TableCell>
                      <DateTime value={k.createdAt} timeZone={timeZone} />
                    </TableCell>
                    <TableCell>
                      {k.lastUsedAt ? <DateTime value={k.lastUsedAt} timeZone={timeZone} /> : "Never"}
                    </TableCell>
                    <TableCell>
                      <StatusBadge status={k.revokedAt ? "revoked" : "active"} />
                    </TableCell>
                    <TableCell>
                      {k.revokedAt ? null : <RevokeApiKeyButton keyId={k.id} name={k.name} />}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Create an API key</CardTitle>
          <CardDescription>The key is shown once. Forecourt keeps only its hash.</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateApiKeyForm resources={API_RESOURCES} />
        </CardContent>
      </Card>
    </div>
  );
}
