import { and, eq, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { invalid } from "./errors";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** Opaque cursor over (created_at desc, id desc): stable even when rows share a timestamp. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.getTime()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [ms, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const n = Number(ms);
  if (!id || !Number.isFinite(n)) throw invalid("cursor", "This cursor is not valid.");
  return { at: new Date(n), id };
}

/** WHERE clause for "rows after this cursor" in newest-first order. */
export function afterCursor(
  cursor: string | undefined,
  createdAt: SQLiteColumn,
  id: SQLiteColumn,
): SQL | undefined {
  if (!cursor) return undefined;
  const c = decodeCursor(cursor);
  return or(lt(createdAt, c.at), and(eq(createdAt, c.at), lt(id, c.id)));
}

/** Fetch limit+1 rows, return `limit` and a cursor when there are more. */
export function page<T extends { createdAt: Date; id: string }>(rows: T[], limit: number) {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return { data, nextCursor: more && last ? encodeCursor(last.createdAt, last.id) : null };
}
