import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import { requireUserPage } from "@/lib/platform/auth/current";
import { openApiDocument } from "@/lib/platform/openapi";

export const metadata: Metadata = { title: "API docs" };

interface Operation {
  summary: string;
  tags: string[];
  "x-required-scope"?: string;
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
  responses: Record<string, { content?: { "application/json": { schema: unknown } } }>;
}

export default async function ApiDocsPage() {
  await requireUserPage();
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
  const doc = openApiDocument(origin);
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods as Record<string, Operation>)) {
      const tag = op.tags[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        title="API docs"
        description="Generated from the same schemas that validate requests. Authenticate with Authorization: Bearer fc_live_…; every POST takes an Idempotency-Key."
        actions={
          <a className="text-sm text-primary underline" href="/api/v1/openapi.json">
            openapi.json
          </a>
        }
      />
      {[...byTag.entries()].map(([tag, ops]) => (
        <SectionCard title={tag} key={tag} contentClassName="grid gap-4">
          {ops.map(({ method, path, op }) => (
            <details key={`${method} ${path}`} className="rounded-md border">
              <summary className="flex cursor-pointer flex-wrap items-center gap-2 p-3 text-sm">
                <Badge variant="info" className="uppercase">
                  {method}
                </Badge>
                <code className="font-mono">{path}</code>
                <span className="text-muted-foreground">{op.summary}</span>
                {op["x-required-scope"] ? (
                  <code className="ml-auto text-xs text-muted-foreground">{op["x-required-scope"]}</code>
                ) : null}
              </summary>
              <div className="grid gap-3 border-t p-3 text-sm">
                {op.parameters.length ? (
                  <p>
                    Parameters:{" "}
                    {op.parameters
                      .map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`)
                      .join(", ")}
                  </p>
                ) : null}
                {op.requestBody ? (
                  <div>
                    <p className="font-medium">Request body</p>
                    <pre className="mt-1 max-h-80 overflow-auto rounded bg-muted p-2 text-xs">
                      {JSON.stringify(op.requestBody.content["application/json"].schema, null, 2)}
                    </pre>
                  </div>
                ) : null}
                {Object.entries(op.responses)
                  .filter(([code, r]) => code !== "default" && r.content)
                  .map(([code, r]) => (
                    <div key={code}>
                      <p className="font-medium">Response {code}</p>
                      <pre className="mt-1 max-h-80 overflow-auto rounded bg-muted p-2 text-xs">
                        {JSON.stringify(r.content?.["application/json"].schema, null, 2)}
                      </pre>
                    </div>
                  ))}
              </div>
            </details>
          ))}
        </SectionCard>
      ))}
    </div>
  );
}
