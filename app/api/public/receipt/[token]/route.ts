import { getDb } from "@/db/client";
import { notFound } from "@/lib/platform/errors";
import { errorResponse } from "@/lib/platform/http/api-route";
import { runWithOrigin } from "@/lib/platform/origin";
import { getOrderByReceiptToken } from "@/lib/service-orders/queries";

export const dynamic = "force-dynamic";

/**
 * Polled by the customer's receipt page (`/receipt/<token>`). No sign-in: the unguessable receipt
 * token is the only credential, so an unknown token is a plain 404.
 */
export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await ctx.params;
  return runWithOrigin(new URL(req.url).origin, () => {
    try {
      const data = getOrderByReceiptToken(getDb(), token);
      if (!data) return errorResponse(notFound("service order"));
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
