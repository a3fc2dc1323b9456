import "server-only";
import { type Db, getDb } from "@/db/client";
import { notFound } from "../errors";
import { runWithOrigin } from "../origin";
import { errorResponse } from "./api-route";

/**
 * A GET for a customer's public page, polled while it is open. No sign-in: the unguessable token
 * in the path is the only credential, so an unknown token is a plain 404.
 */
export function publicTokenRoute(what: string, load: (db: Db, token: string) => unknown | null) {
  return async (req: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> => {
    const { token } = await ctx.params;
    return runWithOrigin(new URL(req.url).origin, () => {
      try {
        const data = load(getDb(), token);
        if (!data) return errorResponse(notFound(what));
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
  };
}
