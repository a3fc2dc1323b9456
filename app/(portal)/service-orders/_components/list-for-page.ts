import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/platform/actor";
import { withRequestOrigin } from "@/lib/platform/origin";
import { listOrders } from "@/lib/service-orders/queries";
import { withFilterError } from "../../_components/list-search";
import type { OrderSearch } from "./order-filters";

/** Lists orders for a page: a filter the URL got wrong becomes a message, not an error page. */
export function listOrdersForPage(db: Db, actor: Actor, filters: OrderSearch) {
  return withFilterError(() => withRequestOrigin(() => listOrders(db, actor, filters)), {
    data: [],
    nextCursor: null,
  } as Awaited<ReturnType<typeof listOrders>>);
}
