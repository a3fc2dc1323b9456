import fs from "node:fs";
import type { Db } from "./client";
import { requestContext, runInRequestContext } from "./request-context";

/**
 * Group commit for API requests. Each commit with synchronous=FULL waits for an fsync; under load
 * that, not the work, bounds writes per second. Inside `withGroupCommit`, the first write opens
 * one transaction that every request's own transaction joins as a savepoint (so each still
 * succeeds or fails on its own); the batch commits once on the next turn of the event loop, and
 * each request answers only after `waitUntilDurable()` — an acknowledged write is still on disk.
 *
 * The batch's own COMMIT runs with synchronous=NORMAL and its WAL is then flushed with an
 * fdatasync on libuv's thread pool, so the event loop keeps serving requests during the disk flush
 * (at synchronous=FULL, SQLite would block it). Durability is unchanged: nobody hears back before
 * the flush completes, and reads made meanwhile wait for it too, so no client ever sees a write
 * that a power cut could still undo. Work outside requests keeps committing at FULL.
 */
export function withGroupCommit<T>(fn: () => Promise<T>): Promise<T> {
  return runInRequestContext({ groupCommit: true }, fn);
}

interface GroupCommitState {
  open: boolean;
  scheduled: boolean;
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

export interface GroupCommitOptions {
  /**
   * Commit at synchronous=FULL, the WAL flushed inside COMMIT, instead of flushing it afterwards
   * off the event loop. For the writer thread (lib/platform/writer): its commits must be on disk
   * before another connection can read them, and blocking its own thread on the flush costs nothing.
   */
  flushInCommit?: boolean;
}

export function installGroupCommit(db: Db, options: GroupCommitOptions = {}): void {
  const sqlite = db.$client;
  const state: GroupCommitState = { open: false, scheduled: false, waiters: [] };
  const walPath = sqlite.memory ? null : `${sqlite.name}-wal`;
  let walFd: number | null = null;
  /** The latest WAL flush still running; it covers every batch committed before it started. */
  let flushing: Promise<void> | null = null;
  const flushWal = (): Promise<void> => {
    if (!walPath) return Promise.resolve();
    try {
      walFd ??= fs.openSync(walPath, "r");
    } catch (e) {
      return Promise.reject(e);
    }
    const fd = walFd;
    const flush = new Promise<void>((resolve, reject) =>
      fs.fdatasync(fd, (e) => (e ? reject(e) : resolve())),
    );
    flushing = flush;
    const clear = () => {
      if (flushing === flush) flushing = null;
    };
    flush.then(clear, clear);
    return flush;
  };
  const syncNormal = sqlite.prepare("PRAGMA synchronous = NORMAL");
  const syncFull = sqlite.prepare("PRAGMA synchronous = FULL");
  const commit = () => {
    state.scheduled = false;
    if (!state.open) return;
    const waiters = state.waiters;
    state.waiters = [];
    state.open = false;
    try {
      sqlite.exec("COMMIT");
    } catch (e) {
      try {
        sqlite.exec("ROLLBACK");
      } catch {
        // Already rolled back by SQLite.
      }
      syncFull.run();
      for (const w of waiters) w.reject(e);
      return;
    }
    syncFull.run();
    if (options.flushInCommit) {
      for (const w of waiters) w.resolve();
      return;
    }
    flushWal().then(
      () => {
        for (const w of waiters) w.resolve();
      },
      (e) => {
        for (const w of waiters) w.reject(e);
      },
    );
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
        if (!options.flushInCommit) syncNormal.run();
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
      : (flushing ?? Promise.resolve());
}

/** Resolves once everything this request wrote, or could have read, is committed and on disk. */
export function waitUntilDurable(db: Db): Promise<void> {
  return (db as Db & { waitUntilDurable?: () => Promise<void> }).waitUntilDurable?.() ?? Promise.resolve();
}
