import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { SectionCard } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { hasScope } from "@/lib/platform/actor";
import { requireUserPage } from "@/lib/platform/auth/current";
import { loadOr404 } from "@/lib/platform/http/page-errors";
import { timeZoneFor } from "@/lib/platform/identity/dealers";
import { getEndpoint } from "@/lib/platform/webhooks/queries";
import { DeliveryLog } from "../_components/delivery-log";
import {
  DeleteEndpointButton,
  RotateSecretButton,
  SendTestEventButton,
} from "../_components/endpoint-actions";
import { EndpointForm } from "../_components/endpoint-form";

export const metadata: Metadata = { title: "Webhook endpoint" };

export default async function EndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUserPage();
  const db = getDb();
  const endpoint = loadOr404(() => getEndpoint(db, actor, id));
  const canWrite = hasScope(actor.scopes, "webhooks.write");
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title={endpoint.url}
        description={endpoint.description ?? undefined}
        actions={
          canWrite ? <SendTestEventButton endpointId={endpoint.id} disabled={!endpoint.enabled} /> : null
        }
      >
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={endpoint.enabled ? "enabled" : "disabled"} />
          {endpoint.disabledReason ? (
            <span className="text-destructive">{endpoint.disabledReason}</span>
          ) : null}
          <Link href="/webhooks" className="text-primary hover:underline">
            All endpoints
          </Link>
        </div>
      </PageHeader>
      <SectionCard title="Deliveries">
        <DeliveryLog
          query={new URLSearchParams({ endpoint: endpoint.id }).toString()}
          timeZone={timeZoneFor(db, actor.dealerId)}
          canResend={canWrite}
        />
      </SectionCard>
      {canWrite ? (
        <SectionCard title="Settings" contentClassName="grid grid-cols-1 gap-6">
          <EndpointForm endpoint={endpoint} />
          <div className="flex flex-wrap items-start gap-3 border-t pt-4">
            <RotateSecretButton endpointId={endpoint.id} />
            <DeleteEndpointButton endpointId={endpoint.id} />
          </div>
        </SectionCard>
      ) : null}
    </div>
  );
}
