import "server-only";
import { type Db, getDb } from "@/db/client";
import { waitUntilDurable } from "@/db/group-commit";
import { runInRequestContext } from "@/db/request-context";
import type { Actor, ApiKeyActor } from "../actor";
import { AppError, isAppError } from "../errors";
import { authenticateApiKey } from "../identity/api-keys";
import type { WriteOperation } from "../writer/operations";
import { runWrite } from "../writer/writer";
import { ApiResult, created, toApiResult } from "./api-result";
import { abandonIdempotent, beginIdempotent, completeIdempotent, requestFingerprint } from "./idempotency";
import { toJsonBody, toJsonText } from "./json-text";
import { parseJsonBody } from "./request-body";

type Params = Record<string, string>;

export interface ApiContext<A extends Actor> {
  req: Request;
  db: Db;
  actor: A;
  params: Params;
  url: URL;
  /** The parsed JSON body ({} when empty). */
  body: unknown;
}

export { ApiResult, created };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : toJsonBody(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });

/** Turns anything thrown into the public error shape; a 500 never reveals internals. */
export function errorResponse(e: unknown): Response {
  if (isAppError(e)) return json(e.status, e.toJSON(), e.headers);
  console.error("[api] unexpected error", e);
  return json(500, {
    error: {
      type: "api_error",
      code: "internal_error",
      message: "Something went wrong on our side. Try again.",
    },
  });
}

function hasBody(req: Request): boolean {
  return req.method !== "GET" && req.method !== "HEAD" && req.method !== "DELETE";
}

async function readBody(req: Request): Promise<{ text: string; value: unknown }> {
  const text = await req.text();
  return { text, value: parseJsonBody(text) };
}

type Authenticate<A extends Actor> = (req: Request, db: Db) => Promise<A> | A;

export function route<A extends Actor>(
  authenticate: Authenticate<A>,
  owner: (a: A) => string,
  handler: (ctx: ApiContext<A>) => unknown,
) {
  return (req: Request, ctx: { params: Promise<Params> }): Promise<Response> => {
    const url = new URL(req.url);
    return runInRequestContext({ origin: url.origin, groupCommit: true }, () => handle(req, url, ctx));
  };

  async function handle(req: Request, url: URL, ctx: { params: Promise<Params> }): Promise<Response> {
    const db = getDb();
    try {
      const actor = await authenticate(req, db);
      const params = (await ctx?.params) ?? {};
      const { text, value } = hasBody(req) ? await readBody(req) : { text: "", value: {} };
      const key = req.method === "POST" ? req.headers.get("idempotency-key") : null;
      // `record` stores the idempotent response in the same group commit as the change itself,
      // so one fsync makes both durable before the client hears back.
      const run = async (record?: (r: ApiResult) => void) => {
        const result = toApiResult(await handler({ req, db, actor, params, url, body: value }));
        record?.(result);
        await waitUntilDurable(db);
        return result;
      };
      if (!key) {
        const r = await run();
        return json(r.status, r.body, r.headers);
      }
      const keyOwner = owner(actor);
      const start = beginIdempotent(db, keyOwner, key, requestFingerprint(req.method, url.pathname, text));
      if (start.kind === "replay") {
        // The lookup joined this turn's batch: answer after it commits, like every other request.
        await waitUntilDurable(db);
        return new Response(start.body, {
          status: start.status,
          headers: { "content-type": "application/json; charset=utf-8", "idempotent-replayed": "true" },
        });
      }
      try {
        const r = await run((result) =>
          completeIdempotent(db, keyOwner, key, result.status, toJsonText(result.body)),
        );
        return json(r.status, r.body, r.headers);
      } catch (e) {
        if (e instanceof AppError && e.status < 500) {
          completeIdempotent(db, keyOwner, key, e.status, JSON.stringify(e.toJSON()));
        } else abandonIdempotent(db, keyOwner, key);
        throw e;
      }
    } catch (e) {
      // Errors may follow recorded writes (a declined card is logged): answer once they are durable.
      await waitUntilDurable(db).catch(() => undefined);
      return errorResponse(e);
    }
  }
}

/** An integrator endpoint: Bearer API key, JSON in and out, Idempotency-Key on POST. */
export function apiRoute(handler: (ctx: ApiContext<ApiKeyActor>) => unknown) {
  return route(
    (req, db) => authenticateApiKey(db, req.headers.get("authorization")),
    (a) => a.keyId,
    handler,
  );
}

/**
 * An integrator write that runs on the writer thread (lib/platform/writer): the event loop only
 * authenticates, reads the body and sends the answer. Same contract as apiRoute: Bearer key, JSON,
 * Idempotency-Key on POST (handled next to the change, in the same commit).
 */
export function apiWriteRoute(op: WriteOperation) {
  return (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    return runInRequestContext({ origin: url.origin, groupCommit: true }, async () => {
      const db = getDb();
      try {
        const actor = authenticateApiKey(db, req.headers.get("authorization"));
        const outcome = await runWrite(db, {
          op,
          actor,
          method: req.method,
          path: url.pathname,
          bodyText: await req.text(),
          idempotencyKey: req.method === "POST" ? req.headers.get("idempotency-key") : null,
        });
        return new Response(outcome.body, {
          status: outcome.status,
          headers: {
            "content-type": "application/json; charset=utf-8",
            "cache-control": "no-store",
            ...outcome.headers,
            ...(outcome.replayed ? { "idempotent-replayed": "true" } : {}),
          },
        });
      } catch (e) {
        await waitUntilDurable(db).catch(() => undefined);
        return errorResponse(e);
      }
    });
  };
}
