import { getDb } from "@/db/client";
import { clientIp, handlers } from "@/lib/platform/auth/config";
import { checkLoginGate } from "@/lib/platform/auth/rate-limit";

export const GET = handlers.GET;

/**
 * Credential posts are rate limited before Auth.js sees them, so a blocked client gets a real
 * 429 with Retry-After (the sign-in form shows the same limit through its server action).
 */
export async function POST(req: Request) {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "")
      .trim()
      .toLowerCase();
    const gate = checkLoginGate(getDb(), email, clientIp(req.headers));
    if (!gate.allowed) {
      return Response.json(
        {
          error: {
            type: "rate_limit_error",
            code: "too_many_attempts",
            message: `Too many failed sign-ins. Try again in ${gate.retryAfterSeconds} seconds.`,
          },
        },
        { status: 429, headers: { "retry-after": String(gate.retryAfterSeconds) } },
      );
    }
  }
  return handlers.POST(req as never);
}
