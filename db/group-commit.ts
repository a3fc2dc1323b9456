import type { Db } from "./client";
import { requestContext, runInRequestContext } from "./request-context";

/**
 * Group commit for API requests. Each commit with synchronous=FULL waits for an fsync; under load
 * that, not the work, bounds writes per second. Inside `withGroupCommit`, the first write opens
 * one transaction that every request's own transaction joins as a savepoint (so each still
 * succeeds or fails on its own); the batch commits once on the next turn of the event loop, and
 * each request answers only after `waitUntilDurable()` — an acknowledged write is still on disk.
 */
export function withGroupCommit<T>(fn: () => Promise<T>): Promise<T> {
  return runInRequestContext({ groupCommit: true }, fn);
}

interface GroupCommitState {
  open: boolean;
  scheduled: boolean;
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

export function installGroupCommit(db: Db): void {
  const sqlite = db.$client;
  const state: GroupCommitState = { open: false, scheduled: false, waiters: [] };
  const commit = () => {
    state.scheduled = false;
    if (!state.open) return;
    const waiters = state.waiters;
    state.waiters = [];
    state.open = false;
    try {
      sqlite.exec("COMMIT");
      for (const w of waiters) w.resolve();
    } catch (e) {
      try {
        sqlite.exec("ROLLBACK");
      } catch {
        // Already rolled back by SQLite.
      }
      for (const w of waiters) w.reject(e);
    }
  };
  const original = db.transaction.bind(db);
  // A request's transaction inside the batch is a plain savepoint. Drizzle would build a
  // transaction object and a native wrapper per call; the database handle itself serves as `tx`.
  const savepoint = sqlite.prepare("SAVEPOINT request");
  const release = sqlite.prepare("RELEASE request");
  const rollbackTo = sqlite.prepare("ROLLBACK TO request");
  db.transaction = ((fn: Parameters<Db["transaction"]>[0], config?: Parameters<Db["transaction"]>[1]) => {
    if (requestContext.getStore()?.groupCommit) {
      if (!sqlite.inTransaction) {
        sqlite.exec("BEGIN IMMEDIATE");
        state.open = true;
        if (!state.scheduled) {
          state.scheduled = true;
          setImmediate(commit);
        }
      }
      savepoint.run();
      try {
        const result = fn(db as unknown as Parameters<typeof fn>[0]);
        release.run();
        return result;
      } catch (e) {
        if (sqlite.inTransaction) {
          rollbackTo.run();
          release.run();
        }
        throw e;
      }
    }
    if (state.open) {
      // Work outside a request (actions, the worker) commits on its own: flush the batch first.
      commit();
    }
    return original(fn, config);
  }) as Db["transaction"];
  (db as Db & { waitUntilDurable?: () => Promise<void> }).waitUntilDurable = () =>
    state.open
      ? new Promise<void>((resolve, reject) => state.waiters.push({ resolve, reject }))
      : Promise.resolve();
}

/** Resolves once everything this request wrote is committed. */
export function waitUntilDurable(db: Db): Promise<void> {
  return (db as Db & { waitUntilDurable?: () => Promise<void> }).waitUntilDurable?.() ?? Promise.resolve();
}
