import type { Db } from "@/db/client";
import { createCheckoutCart } from "@/lib/checkout/service";
import { bookConcierge, bookConciergeLoaner } from "@/lib/moves/service";
import { createQuote } from "@/lib/service-orders/service";
import type { ApiKeyActor } from "../actor";
import { created } from "../http/api-result";

/**
 * The integrator writes that arrive in volume (an OEM's shop posting carts, a DMS booking moves,
 * quotes priced in bulk). Each is the service function the UI calls too; the writer thread runs it
 * so the event loop only authenticates and answers (see writer.ts).
 */
export const writeOperations = {
  "quotes.create": (db: Db, actor: ApiKeyActor, input: unknown) => created(createQuote(db, actor, input)),
  "moves.bookConciergeLoaner": (db: Db, actor: ApiKeyActor, input: unknown) =>
    bookConciergeLoaner(db, actor, input),
  "moves.bookConcierge": (db: Db, actor: ApiKeyActor, input: unknown) => bookConcierge(db, actor, input),
  "checkout.createCart": (db: Db, actor: ApiKeyActor, input: unknown) => createCheckoutCart(db, actor, input),
} as const;

export type WriteOperation = keyof typeof writeOperations;
