import { getDb } from "@/db/client";
import { getTrackingView } from "@/lib/moves/queries";
import { notFound } from "@/lib/platform/errors";
import { errorResponse } from "@/lib/platform/http/api-route";
import { runWithOrigin } from "@/lib/platform/origin";

export const dynamic = "force-dynamic";

/**
 * Polled by the customer's tracking page (`/track/<token>`). No sign-in: the unguessable tracking
 * token is the only credential, so an unknown token is a plain 404.
 */
export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await ctx.params;
  return runWithOrigin(new URL(req.url).origin, () => {
    try {
      const data = getTrackingView(getDb(), token);
      if (!data) return errorResponse(notFound("tracking link"));
      return new Response(JSON.stringify(data), {
        headers: {
          "content-type": "application/json; charset=utf-8",
          "cache-control": "no-store",
          "x-robots-tag": "noindex",
        },
      });
    } catch (e) {
      return errorResponse(e);
    }
  });
}
