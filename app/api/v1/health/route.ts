import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

/** Unauthenticated liveness + database check for load balancers and monitors. */
export function GET() {
  try {
    getDb().get(sql`select 1`);
    return Response.json({ status: "ok", database: "ok", time: new Date().toISOString() });
  } catch {
    return Response.json(
      {
        error: { type: "api_error", code: "database_unavailable", message: "The database is not reachable." },
      },
      { status: 503 },
    );
  }
}
