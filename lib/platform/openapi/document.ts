import { z } from "zod";

export interface ApiOperation {
  method: "get" | "post" | "patch" | "delete" | "put";
  path: string;
  summary: string;
  tag: string;
  /** Null for unauthenticated endpoints. */
  scope: string | null;
  body?: z.ZodType;
  query?: z.ZodObject;
  response?: z.ZodType;
  status?: number;
}

const errorSchema = z.object({
  error: z.object({
    type: z.enum([
      "invalid_request_error",
      "authentication_error",
      "permission_error",
      "not_found",
      "conflict",
      "idempotency_error",
      "rate_limit_error",
      "api_error",
    ]),
    code: z.string(),
    message: z.string(),
    param: z.string().optional(),
  }),
});

const toSchema = (s: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(s, { target: "openapi-3.0", io, unrepresentable: "any" }) as Record<string, unknown>;

/**
 * Builds the OpenAPI 3.0 document from the same zod schemas the handlers validate with,
 * so the docs cannot drift from what the API accepts.
 */
export function buildOpenApiDocument(operations: ApiOperation[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const queryParams = op.query
      ? Object.entries(op.query.shape).map(([name, schema]) => ({
          name,
          in: "query",
          required: !(schema as z.ZodType).safeParse(undefined).success,
          schema: toSchema(schema as z.ZodType, "input"),
        }))
      : [];
    const idempotency =
      op.method === "post"
        ? [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              schema: { type: "string", maxLength: 255 },
            },
          ]
        : [];
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(op.scope ? { security: [{ bearer: [] }], "x-required-scope": op.scope } : { security: [] }),
      parameters: [...params, ...queryParams, ...idempotency],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: toSchema(op.body, "input") } },
            },
          }
        : {}),
      responses: {
        [String(op.status ?? 200)]: {
          description: "Success",
          ...(op.response
            ? { content: { "application/json": { schema: toSchema(op.response, "output") } } }
            : {}),
        },
        default: {
          description: "Error",
          content: { "application/json": { schema: toSchema(errorSchema, "output") } },
        },
      },
    };
  }
  return {
    openapi: "3.0.3",
    info: {
      title: "Forecourt API",
      version: "1.0.0",
      description:
        "JSON API for dealership integrations. Authenticate with `Authorization: Bearer fc_live_…`. " +
        "Every POST accepts an `Idempotency-Key` header (responses are replayed for 24 h).",
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths,
  };
}
