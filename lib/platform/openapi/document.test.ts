import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { allOperations, openApiDocument } from "./index";

describe("OpenAPI document", () => {
  it("has every operation, with request schemas generated from zod", () => {
    const doc = openApiDocument("http://localhost:3000");
    for (const op of allOperations) {
      expect(doc.paths[op.path]?.[op.method], `${op.method} ${op.path}`).toBeTruthy();
    }
    const quote = doc.paths["/api/v1/quotes"].post as {
      requestBody: { content: Record<string, { schema: unknown }> };
    };
    expect(JSON.stringify(quote.requestBody.content["application/json"].schema)).toContain("reconditioning");
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });

  it("is served as JSON with this server's URL", async () => {
    const res = GET(new Request("http://portal.example:8080/api/v1/openapi.json"));
    expect(res.headers.get("content-type")).toContain("application/json");
    const doc = (await res.json()) as { servers: { url: string }[]; paths: Record<string, unknown> };
    expect(doc.servers[0].url).toBe("http://portal.example:8080");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/parts", "/api/v1/checkout-carts", "/api/v1/concierge-loaner-moves"]),
    );
  });
});
