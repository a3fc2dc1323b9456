import type { Db } from "@/db/client";
import { sendQueuedEmails } from "./notifications/sender";
import { wakeup } from "./wakeup";
import { deliverDueWebhooks } from "./webhooks/deliver";

export interface WorkerHandle {
  stop(): Promise<void>;
}

const POLL_MS = Number(process.env.WORKER_POLL_MS ?? 1000);

/**
 * The outbox worker: webhook deliveries and emails. Polls SQLite (so work written by other
 * processes, or left by a crash, is found) and wakes early when this process writes an event.
 */
export function startWorker(getDb: () => Db, log: (msg: string) => void = console.error): WorkerHandle {
  let stopped = false;
  let wake: (() => void) | null = null;
  const onWork = () => wake?.();
  wakeup.on("work", onWork);

  const loop = (async () => {
    while (!stopped) {
      try {
        const db = getDb();
        const attempted = await deliverDueWebhooks(db);
        await sendQueuedEmails(db);
        if (attempted > 0) continue;
      } catch (e) {
        log(`[worker] ${e instanceof Error ? e.message : String(e)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      wakeup.off("work", onWork);
      await loop;
    },
  };
}
