import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/platform/actor";
import { isAppError } from "@/lib/platform/errors";
import { withRequestOrigin } from "@/lib/platform/origin";
import { listOrders } from "@/lib/service-orders/queries";
import type { OrderSearch } from "./order-filters";

/** Lists orders for a page: a filter the URL got wrong becomes a message, not an error page. */
export async function listOrdersForPage(db: Db, actor: Actor, filters: OrderSearch) {
  try {
    return { result: await withRequestOrigin(() => listOrders(db, actor, filters)), filterError: null };
  } catch (e) {
    if (!isAppError(e) || e.status !== 400) throw e;
    return {
      result: { data: [], nextCursor: null } as Awaited<ReturnType<typeof listOrders>>,
      filterError: e.message,
    };
  }
}
