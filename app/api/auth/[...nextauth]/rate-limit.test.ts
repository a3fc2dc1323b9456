import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { recordLoginAttempt } from "@/lib/platform/auth/rate-limit";
import { useTempDatabase } from "@/lib/testing/harness";
import { POST } from "./route";

let env: ReturnType<typeof useTempDatabase>;
beforeAll(() => {
  env = useTempDatabase();
});
afterAll(() => env.cleanup());

describe("POST /api/auth/callback/credentials", () => {
  it("answers 429 with Retry-After once an account has 10 failures in 15 minutes", async () => {
    for (let i = 0; i < 10; i++) recordLoginAttempt(getDb(), "victim@example.test", `10.0.0.${i}`, false);
    const req = new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "10.5.5.5" },
      body: new URLSearchParams({ email: "victim@example.test", password: "guess" }),
    });
    const res = await POST(req);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await res.json()).error.type).toBe("rate_limit_error");
  });
});
