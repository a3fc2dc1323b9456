import type Database from "better-sqlite3";
import { Column, getTableColumns, getTableName } from "drizzle-orm";
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

const RAW_TAG = "/* rows as arrays */ ";

/**
 * Runs a cached query whose rows come back as arrays, in SELECT-list order. better-sqlite3 builds
 * an object per row property by property, which costs more than the query itself on wide rows
 * (50 parts: 0.5 ms as objects, 0.16 ms as arrays); callers build their objects with a literal.
 * The statement is cached apart from `statement()`'s, so no caller ever sees the other's mode.
 */
export function rawRows(db: DbOrTx, sql: string, ...params: unknown[]): unknown[][] {
  return statement(db, RAW_TAG + sql)
    .raw(true)
    .all(...params) as unknown[][];
}

/** rawRows for a query of at most one row. */
export function rawRow(db: DbOrTx, sql: string, ...params: unknown[]): unknown[] | undefined {
  return statement(db, RAW_TAG + sql)
    .raw(true)
    .get(...params) as unknown[] | undefined;
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

/** How to read one table's rows: its SELECT list and, per column, the key and Drizzle's decoder. */
interface RowShape {
  select: string;
  keys: string[];
  /** null where Drizzle returns the driver value as is (text, integers, reals). */
  decoders: (((v: unknown) => unknown) | null)[];
  /** The full SQL per WHERE/ORDER clause, built once. */
  sqlByClause: Map<string, string>;
}
const rowShapes = new WeakMap<SQLiteTable, RowShape>();

function rowShape(table: SQLiteTable): RowShape {
  let shape = rowShapes.get(table);
  if (!shape) {
    const columns = Object.entries(getTableColumns(table)) as [string, Column][];
    const identity = Column.prototype.mapFromDriverValue;
    shape = {
      select: `select ${columns.map(([, c]) => `"${c.name}"`).join(", ")} from "${getTableName(table)}"`,
      keys: columns.map(([key]) => key),
      decoders: columns.map(([, c]) =>
        c.mapFromDriverValue === identity ? null : (v: unknown) => c.mapFromDriverValue(v),
      ),
      sqlByClause: new Map(),
    };
    rowShapes.set(table, shape);
  }
  return shape;
}

/**
 * Selects whole rows of one table with a hand-written WHERE/ORDER clause through a cached
 * prepared statement, mapped back to Drizzle's row type. For hot read paths: every API request
 * authenticates through here. Rows are read as arrays (see rawRows) and only columns that need it
 * go through Drizzle's decoder (dates, JSON, booleans).
 */
export function selectRows<T extends SQLiteTable>(
  db: DbOrTx,
  table: T,
  clause: string,
  ...params: unknown[]
): T["$inferSelect"][] {
  const shape = rowShape(table);
  let sql = shape.sqlByClause.get(clause);
  if (!sql) {
    sql = `${shape.select} ${clause}`;
    shape.sqlByClause.set(clause, sql);
  }
  const rows = rawRows(db, sql, ...params);
  const { keys, decoders } = shape;
  const out: T["$inferSelect"][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const v = values[i];
      const decode = decoders[i];
      row[keys[i]] = v === null || decode === null ? v : decode(v);
    }
    out[r] = row as T["$inferSelect"];
  }
  return out;
}
