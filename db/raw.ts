import type Database from "better-sqlite3";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "./client";

/**
 * The better-sqlite3 connection behind a Drizzle database or transaction, for the few hot paths
 * (outbox writes, API key lookup) where building SQL through Drizzle costs more than running it.
 * Statements are prepared once per connection.
 */
export function connectionOf(db: DbOrTx): Database.Database {
  const anyDb = db as unknown as { $client?: Database.Database; session?: { client: Database.Database } };
  const client = anyDb.$client ?? anyDb.session?.client;
  if (!client) throw new Error("No SQLite connection behind this database handle");
  return client;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(db: DbOrTx, sql: string): Database.Statement {
  const conn = connectionOf(db);
  let map = statements.get(conn);
  if (!map) {
    map = new Map();
    statements.set(conn, map);
  }
  let stmt = map.get(sql);
  if (!stmt) {
    stmt = conn.prepare(sql);
    map.set(sql, stmt);
  }
  return stmt;
}

/**
 * Inserts one row through a cached prepared statement, converting values with the columns' own
 * Drizzle mappers (JSON, timestamps, booleans). For hot write paths; columns left undefined take
 * their database defaults.
 */
export function insertRow<T extends SQLiteTable>(db: DbOrTx, table: T, row: T["$inferInsert"]): number {
  const values = row as Record<string, unknown>;
  const keys = Object.keys(values).filter((k) => values[k] !== undefined);
  const plan = insertPlan(table, keys);
  const result = statement(db, plan.sql).run(
    ...plan.columns.map((c) => (values[c.key] === null ? null : c.toDriver(values[c.key]))),
  );
  // The new rowid: the id of tables with an integer primary key.
  return Number(result.lastInsertRowid);
}

type InsertPlan = { sql: string; columns: { key: string; toDriver(v: unknown): unknown }[] };
const insertPlans = new WeakMap<SQLiteTable, Map<string, InsertPlan>>();

/** The INSERT for this set of columns, built once per table and column set. */
function insertPlan(table: SQLiteTable, keys: string[]): InsertPlan {
  let plans = insertPlans.get(table);
  if (!plans) {
    plans = new Map();
    insertPlans.set(table, plans);
  }
  const signature = keys.join(",");
  let plan = plans.get(signature);
  if (!plan) {
    const columns = getTableColumns(table) as Record<
      string,
      { name: string; mapToDriverValue(v: unknown): unknown }
    >;
    plan = {
      sql: `insert into "${getTableName(table)}" (${keys.map((k) => `"${columns[k].name}"`).join(", ")}) values (${keys.map(() => "?").join(", ")})`,
      columns: keys.map((key) => ({ key, toDriver: (v) => columns[key].mapToDriverValue(v) })),
    };
    plans.set(signature, plan);
  }
  return plan;
}

type ColumnMap = { key: string; name: string; fromDriver(v: unknown): unknown }[];
const columnMaps = new WeakMap<SQLiteTable, ColumnMap>();

function columnMap(table: SQLiteTable): ColumnMap {
  let map = columnMaps.get(table);
  if (!map) {
    const columns = getTableColumns(table) as Record<
      string,
      { name: string; mapFromDriverValue(v: unknown): unknown }
    >;
    map = Object.entries(columns).map(([key, c]) => ({
      key,
      name: c.name,
      fromDriver: (v) => c.mapFromDriverValue(v),
    }));
    columnMaps.set(table, map);
  }
  return map;
}

/**
 * Selects whole rows of one table with a hand-written WHERE/ORDER clause through a cached
 * prepared statement, mapped back to Drizzle's row type. For hot read paths.
 */
export function selectRows<T extends SQLiteTable>(
  db: DbOrTx,
  table: T,
  clause: string,
  ...params: unknown[]
): T["$inferSelect"][] {
  const map = columnMap(table);
  const sql = `select ${map.map((c) => `"${c.name}"`).join(", ")} from "${getTableName(table)}" ${clause}`;
  const rows = statement(db, sql).all(...params) as Record<string, unknown>[];
  return rows.map((raw) => {
    const row: Record<string, unknown> = {};
    for (const c of map) {
      const v = raw[c.name];
      row[c.key] = v === null ? null : c.fromDriver(v);
    }
    return row as T["$inferSelect"];
  });
}
