import type { ServiceOrderStatus } from "@/db/schema";

/**
 * pending -> in-progress -> completed; delayed (and back to in-progress); canceled from any
 * open state. Nothing leaves completed or canceled.
 */
const TRANSITIONS: Record<ServiceOrderStatus, readonly ServiceOrderStatus[]> = {
  pending: ["in-progress", "delayed", "canceled"],
  "in-progress": ["delayed", "completed", "canceled"],
  delayed: ["in-progress", "canceled"],
  completed: [],
  canceled: [],
};

export const OPEN_STATUSES: readonly ServiceOrderStatus[] = ["pending", "in-progress", "delayed"];

export function canTransition(from: ServiceOrderStatus, to: ServiceOrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedNext(from: ServiceOrderStatus): readonly ServiceOrderStatus[] {
  return TRANSITIONS[from];
}

export function isTerminal(status: ServiceOrderStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Which webhook a change emits. */
export function eventForStatus(to: ServiceOrderStatus): "service.completed" | "service.updated" {
  return to === "completed" ? "service.completed" : "service.updated";
}

/** The contact is emailed on creation, on delays and cancelations, and on completion. */
export function emailsContact(to: ServiceOrderStatus): boolean {
  return to === "delayed" || to === "canceled" || to === "completed";
}
