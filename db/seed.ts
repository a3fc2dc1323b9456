import "server-only";
import { eq } from "drizzle-orm";
import { seedCheckoutDemo } from "@/lib/checkout/demo-seed";
import { seedMovesDemo } from "@/lib/moves/demo-seed";
import { seedParts } from "@/lib/parts/seed";
import { findDealerBySlug, insertDealer } from "@/lib/platform/identity/dealers";
import { insertUser } from "@/lib/platform/identity/users";
import { seedServiceOrdersDemo } from "@/lib/service-orders/demo-seed";
import type { Db } from "./client";
import { users } from "./schema";

export const DEMO_PASSWORD = "forecourt-demo";

export const DEMO_DEALERS = [
  {
    slug: "riverside",
    name: "Riverside Motors",
    city: "Richmond",
    state: "VA",
    timeZone: "America/New_York",
  },
  {
    slug: "bayview",
    name: "Bayview Auto Group",
    city: "San Diego",
    state: "CA",
    timeZone: "America/Los_Angeles",
  },
] as const;

export const DEMO_USERS = [
  { email: "admin@riverside.test", name: "Rita Admin", role: "admin", dealer: "riverside" },
  { email: "staff@riverside.test", name: "Sam Service", role: "staff", dealer: "riverside" },
  { email: "admin@bayview.test", name: "Bea Admin", role: "admin", dealer: "bayview" },
  { email: "staff@bayview.test", name: "Ben Service", role: "staff", dealer: "bayview" },
  { email: "ops@forecourt.test", name: "Olga Ops", role: "ops", dealer: null },
] as const;

/** Creates the demo dealers and users that are missing; running it again changes nothing. */
export async function seed(db: Db): Promise<{ created: number }> {
  let created = 0;
  for (const d of DEMO_DEALERS) {
    if (!findDealerBySlug(db, d.slug)) {
      insertDealer(db, d);
      created++;
    }
  }
  for (const u of DEMO_USERS) {
    if (db.select({ id: users.id }).from(users).where(eq(users.email, u.email)).get()) continue;
    const dealerId = u.dealer ? (findDealerBySlug(db, u.dealer)?.id ?? null) : null;
    await insertUser(db, { email: u.email, name: u.name, role: u.role, password: DEMO_PASSWORD, dealerId });
    created++;
  }
  created += seedServiceOrdersDemo(db);
  created += seedMovesDemo(db);
  created += seedParts(db);
  created += seedCheckoutDemo(db);
  return { created };
}

export function demoSignIns(): string {
  const lines = DEMO_USERS.map(
    (u) => `  ${u.email.padEnd(24)} ${DEMO_PASSWORD}   (${u.role}${u.dealer ? `, ${u.dealer}` : ""})`,
  );
  return `Demo sign-ins:\n${lines.join("\n")}`;
}
