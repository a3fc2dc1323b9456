import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { statement } from "@/db/raw";
import { type Dealer, dealers } from "@/db/schema";
import { newId } from "../ids";

export function listDealers(db: Db): Dealer[] {
  return db.select().from(dealers).orderBy(asc(dealers.slug)).all();
}

export function findDealerBySlug(db: Db, slug: string): Dealer | undefined {
  return db.select().from(dealers).where(eq(dealers.slug, slug)).get();
}

export function getDealer(db: Db, id: string): Dealer | undefined {
  return db.select().from(dealers).where(eq(dealers.id, id)).get();
}

export function insertDealer(
  db: Db,
  input: { slug: string; name: string; city: string; state: string; timeZone: string },
): Dealer {
  return db
    .insert(dealers)
    .values({ id: newId("dlr"), ...input })
    .returning()
    .get();
}

/** The zone times are shown in (pages, emails, SMS): the dealer's, or UTC for ops. */
export function timeZoneFor(db: DbOrTx, dealerId: string | null): string {
  if (!dealerId) return "UTC";
  return db.select({ tz: dealers.timeZone }).from(dealers).where(eq(dealers.id, dealerId)).get()?.tz || "UTC";
}

/** A dealer's id and name, as API objects name it (hot paths: cart creation, checkout). */
export function dealerRef(db: DbOrTx, dealerId: string): { id: string; name: string } {
  const row = statement(db, "select id, name from dealers where id = ?").get(dealerId) as
    | { id: string; name: string }
    | undefined;
  return row ?? { id: dealerId, name: "Unknown dealer" };
}
