import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/platform/actor";
import { isAppError } from "@/lib/platform/errors";
import { withRequestOrigin } from "@/lib/platform/origin";
import { listOrders } from "@/lib/service-orders/queries";
import type { OrderSearch } from "./order-filters";

type OrderList = ReturnType<typeof listOrders>;

/**
 * Lists orders for a page. A filter the URL got wrong becomes a message, not an error page: next
 * to its field when the field is on the form (a date such as 2026-13-45), above the list otherwise.
 */
export async function listOrdersForPage(
  db: Db,
  actor: Actor,
  filters: OrderSearch & { sort?: "created" | "estimate" },
): Promise<{ result: OrderList; filterError: string | null; fieldErrors: Record<string, string> }> {
  try {
    return {
      result: await withRequestOrigin(() => listOrders(db, actor, filters)),
      filterError: null,
      fieldErrors: {},
    };
  } catch (e) {
    if (!isAppError(e) || e.status !== 400) throw e;
    const empty = { data: [], nextCursor: null };
    if (e.param === "from" || e.param === "to")
      return { result: empty, filterError: null, fieldErrors: { [e.param]: e.message } };
    return { result: empty, filterError: e.message, fieldErrors: {} };
  }
}

/** Whether the list is narrowed by anything the user chose (for the empty state's wording). */
export const hasFilters = (filters: OrderSearch, ignore: readonly string[] = []) =>
  Object.entries(filters).some(
    ([k, v]) => k !== "cursor" && !ignore.includes(k) && v !== undefined && v !== "",
  );
