import { eq, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { type Actor, dealerOf } from "@/lib/platform/actor";

/** Ops work every dealer's service orders; everyone else only their own dealer's. */
export function orderDealerFilter(actor: Actor, column: SQLiteColumn): SQL | undefined {
  if (actor.kind === "user" && actor.role === "ops") return undefined;
  return eq(column, dealerOf(actor));
}

export const isOps = (actor: Actor) => actor.kind === "user" && actor.role === "ops";
