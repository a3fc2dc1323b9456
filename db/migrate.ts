import "server-only";
import { databasePath, openDatabase } from "./client";

/** Applies pending migrations (openDatabase always does) and reports where. */
export function runMigrations(): string {
  const file = databasePath();
  openDatabase(file).$client.close();
  return file;
}
