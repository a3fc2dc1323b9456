import { EventEmitter } from "node:events";

/**
 * In-process signal from writers to the delivery worker ("there is something new"), so deliveries
 * start at once instead of at the next poll. Other processes still find the work by polling.
 */
const globalRef = globalThis as unknown as { __forecourtWakeup?: EventEmitter };
globalRef.__forecourtWakeup ??= new EventEmitter();
export const wakeup: EventEmitter = globalRef.__forecourtWakeup;
wakeup.setMaxListeners(50);

export function wakeWorkers(): void {
  wakeup.emit("work");
}
