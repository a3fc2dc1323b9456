import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, SectionCard } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { hasScope } from "@/lib/platform/actor";
import { requireUserPage } from "@/lib/platform/auth/current";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { listEndpoints } from "@/lib/platform/webhooks/queries";
import { EndpointForm } from "./_components/endpoint-form";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const actor = await requireUserPage();
  const db = getDb();
  const endpoints = listEndpoints(db, actor);
  const canWrite = hasScope(actor.scopes, "webhooks.write");
  const timeZone = timeZoneFor(db, actor.dealerId);
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="Webhooks"
        description="Signed HTTP callbacks (Standard Webhooks) to your systems when something changes."
        actions={
          <Button asChild variant="outline">
            <Link href="/webhooks/log">Delivery log</Link>
          </Button>
        }
      />
      <SectionCard title="Endpoints">
        {endpoints.length === 0 ? (
          <EmptyState title="No endpoints yet" description="Add an endpoint to start receiving events." />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>URL</TableHead>
                <TableHead>Events</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Added</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {endpoints.map((e) => (
                <TableRow key={e.id}>
                  <TableCell className="max-w-xs truncate">
                    <Link className="font-medium text-primary hover:underline" href={`/webhooks/${e.id}`}>
                      {e.url}
                    </Link>
                    {e.description ? (
                      <span className="block text-xs text-muted-foreground">{e.description}</span>
                    ) : null}
                  </TableCell>
                  <TableCell className="font-mono text-xs">{e.events.join(", ")}</TableCell>
                  <TableCell>
                    <StatusBadge status={e.enabled ? "enabled" : "disabled"} />
                  </TableCell>
                  <TableCell>
                    <DateTime value={e.createdAt} timeZone={timeZone} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </SectionCard>
      {canWrite ? (
        <Card>
          <CardHeader>
            <CardTitle>Add endpoint</CardTitle>
            <CardDescription>
              Forecourt signs every delivery; verify it with any Standard Webhooks library and the secret
              shown after saving.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <EndpointForm />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
