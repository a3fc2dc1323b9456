import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { installGroupCommit } from "./group-commit";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle a transaction callback receives; services accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export const DEFAULT_DATABASE_URL = "./data/forecourt.db";

export function databasePath(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): string {
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Drizzle prepares every query afresh; compiling SQL costs more than running it on our hot
 * paths. Queries of the same shape produce the same SQL text, so statements are cached by text.
 */
function cachePreparedStatements(sqlite: Database.Database, max = 1000): void {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = prepare(source);
      if (cache.size >= max) cache.clear();
      cache.set(source, stmt);
    } else if (stmt.reader) {
      // Drizzle switches some statements to raw (array) rows; start each use in the default mode.
      stmt.raw(false);
    }
    return stmt;
  }) as typeof sqlite.prepare;
}

/**
 * Opens a database with the pragmas every connection needs and applies pending migrations (unless
 * `migrate: false`: the writer thread opens a database the server has already migrated).
 */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  // An acknowledged order must survive a power cut.
  sqlite.pragma("synchronous = FULL");
  // The default 2 MiB page cache is smaller than the hot indexes of a busy dealer's outbox and
  // timelines; 64 MiB keeps them in memory (pages are allocated only as they are used).
  sqlite.pragma("cache_size = -65536");
  cachePreparedStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  if (options.migrate !== false) migrate(db, { migrationsFolder });
  return db;
}

/**
 * A read-only connection for a read pool worker (lib/platform/read-pool): no migrations, no
 * writes. In WAL mode it reads the last committed state while the main connection writes.
 */
export function openReadOnlyDatabase(file: string): Db {
  const sqlite = new Database(file, { readonly: true });
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("cache_size = -65536");
  cachePreparedStatements(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

const globalCache = globalThis as unknown as { __forecourtDb?: { file: string; db: Db } };

/** The process-wide connection (cached on globalThis so dev reloads and route bundles share it). */
export function getDb(): Db {
  const file = databasePath();
  const cached = globalCache.__forecourtDb;
  if (cached && cached.file === file) return cached.db;
  const db = openDatabase(file);
  installGroupCommit(db);
  globalCache.__forecourtDb = { file, db };
  return db;
}

/** Closes the cached connection (tests and CLI). */
export function closeDb(): void {
  const cached = globalCache.__forecourtDb;
  if (cached) {
    cached.db.$client.close();
    globalCache.__forecourtDb = undefined;
  }
}
