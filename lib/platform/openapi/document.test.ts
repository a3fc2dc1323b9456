import { describe, expect, it } from "vitest";
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
});
