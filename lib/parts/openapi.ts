import type { ApiOperation } from "@/lib/platform/openapi/document";
import {
  customersQuerySchema,
  lineActionSchema,
  orderFiltersSchema,
  partSearchSchema,
  placeOrderSchema,
  priceAvailabilitySchema,
} from "./schema";

const tag = "Parts";

export const partsOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/customers",
    summary: "The dealer's trade accounts (customerId, discounts, allowed order types)",
    tag,
    scope: "customers.read",
    query: customersQuerySchema,
  },
  {
    method: "get",
    path: "/api/v1/parts/brands",
    summary: "Brands in the dealer's parts file",
    tag,
    scope: "parts.read",
  },
  {
    method: "get",
    path: "/api/v1/parts",
    summary: "Search parts by code prefix or description words (case-insensitive, paginated)",
    tag,
    scope: "parts.read",
    query: partSearchSchema,
  },
  {
    method: "get",
    path: "/api/v1/parts/{partId}",
    summary: "Part details, stock, supersession chain and alternatives",
    tag,
    scope: "parts.read",
  },
  {
    method: "post",
    path: "/api/v1/parts/price-availability",
    summary: "Price and availability of 1–200 parts for a trade account, with basket totals",
    tag,
    scope: "parts.read",
    body: priceAvailabilitySchema,
  },
  {
    method: "post",
    path: "/api/v1/parts-orders",
    summary: "Place a parts order: reserves stock and back-orders the rest",
    tag,
    scope: "parts_orders.write",
    body: placeOrderSchema,
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/parts-orders",
    summary: "Parts orders, newest first",
    tag,
    scope: "parts_orders.read",
    query: orderFiltersSchema,
  },
  {
    method: "get",
    path: "/api/v1/parts-orders/{id}",
    summary: "A parts order with per-line statuses and its history",
    tag,
    scope: "parts_orders.read",
  },
  {
    method: "patch",
    path: "/api/v1/parts-orders/{id}/lines/{lineId}",
    summary:
      "Advance a line (pick, pack, ship, deliver, invoice, receive) or, for the customer, cancel it or accept its alternative",
    tag,
    scope: "parts_orders.write",
    body: lineActionSchema,
  },
];
