import type { ApiOperation } from "@/lib/platform/openapi/document";
import {
  cancelationSchema,
  conciergeLoanerSchema,
  conciergeSchema,
  eventsQuerySchema,
  loanerSchema,
  loanerStatusSchema,
  patchCustomerMoveSchema,
} from "./schema";

const tag = "Moves";

export const moveOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/concierge-loaner-moves",
    summary: "Book a concierge + loaner swap (also at /v1/concierge-loaner-moves)",
    tag,
    scope: "moves.write",
    body: conciergeLoanerSchema,
  },
  {
    method: "post",
    path: "/api/v1/concierge-moves",
    summary: "Book a concierge move (customer car only)",
    tag,
    scope: "moves.write",
    body: conciergeSchema,
  },
  { method: "get", path: "/api/v1/moves/{id}", summary: "Get a move", tag, scope: "moves.read" },
  {
    method: "patch",
    path: "/api/v1/moves/{id}",
    summary:
      "Change vehicle fields, ready_by or reference_num until pickup (a loaner leg may leave make, model and manual blank)",
    tag,
    scope: "moves.write",
    body: patchCustomerMoveSchema,
  },
  {
    method: "post",
    path: "/api/v1/cancelation",
    summary: "Request a move's cancelation (pending until resolved)",
    tag,
    scope: "moves.write",
    body: cancelationSchema,
  },
  {
    method: "get",
    path: "/api/v1/lanes/{id}",
    summary: "Get a lane (two locations, distance, drive time)",
    tag,
    scope: "moves.read",
  },
  {
    method: "get",
    path: "/api/v1/events",
    summary: "Events already sent, for catching up (from, limit, page)",
    tag: "Events",
    scope: "events.read",
    query: eventsQuerySchema,
  },
  { method: "get", path: "/api/v1/loaners", summary: "The dealer's loaner fleet", tag, scope: "moves.read" },
  {
    method: "post",
    path: "/api/v1/loaners",
    summary: "Add a loaner to the fleet",
    tag,
    scope: "moves.write",
    body: loanerSchema,
    status: 201,
  },
  {
    method: "patch",
    path: "/api/v1/loaners/{id}",
    summary: "Set a loaner available or out of service (an out-of-service loaner cannot be booked)",
    tag,
    scope: "moves.write",
    body: loanerStatusSchema,
  },
  {
    method: "post",
    path: "/api/v1/loaners/{id}/return",
    summary: "Record that a loaner out with a customer came back without a return move",
    tag,
    scope: "moves.write",
  },
];
