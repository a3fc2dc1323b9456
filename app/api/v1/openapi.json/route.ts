import { openApiJson } from "@/lib/platform/openapi";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return new Response(openApiJson(new URL(req.url).origin), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
