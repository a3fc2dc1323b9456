import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

/**
 * The hand-written backfills at the end of the 0005-0007 migrations, run the way the migrator runs
 * them (statement by statement) on a database that holds rows written before those migrations.
 */
const dir = path.join(__dirname, "migrations");
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".sql"))
  .sort();
const apply = (db: Database.Database, file: string) => {
  for (const statement of fs.readFileSync(path.join(dir, file), "utf8").split("--> statement-breakpoint"))
    if (statement.trim()) db.exec(statement);
};

function migratedWith(before: string): Database.Database {
  const db = new Database(":memory:");
  for (const f of files.filter((f) => f < "0005")) apply(db, f);
  db.exec(before);
  for (const f of files.filter((f) => f >= "0005")) apply(db, f);
  return db;
}

const LANE =
  "insert into lanes (id, dealer_id, location_a, location_b, distance_miles, duration_minutes, created_at) values (1,'d1',1,2,5,30,0);";
const booking = (id: number, action: string, appointment: number, readyBy: number) =>
  `insert into move_bookings (id,dealer_id,kind,customer_action,appointment_at,ready_by_at,customer_name,customer_phone,tracking_token,created_at) values (${id},'d1','concierge-loaner','${action}',${appointment},${readyBy},'Ann','+18045550100','t${id}',${readyBy - 1000});`;
const loanerLeg = (id: number, bookingId: number, readyBy: number, delivered: number | null = null) =>
  `insert into moves (id,dealer_id,booking_id,role,leg,vehicle,loaner_id,pickup_location_id,delivery_location_id,lane_id,ready_by_at,updated_at,delivery_successful) values (${id},'d1',${bookingId},'loaner',1,'{}','L1',1,2,1,${readyBy},0,${delivered});`;

describe("migration backfills", () => {
  it("gives earlier loaner bookings holds that never overlap: each return closes the latest pickup before it", () => {
    const db = migratedWith(
      [
        LANE,
        booking(1, "pickup", 2_000_000, 1_000_000),
        loanerLeg(1, 1, 1_000_000),
        // A second pickup of the same loaner: the first loan must have ended (at the counter) by then.
        booking(2, "pickup", 7_000_000, 6_000_000),
        loanerLeg(2, 2, 6_000_000),
        booking(3, "return", 9_000_000, 8_000_000),
        loanerLeg(3, 3, 8_000_000, 9_100_000),
      ].join("\n"),
    );
    const holds = db
      .prepare("select out_move_id, return_move_id, starts_at, ends_at from loaner_holds order by starts_at")
      .all();
    expect(holds).toEqual([
      { out_move_id: 1, return_move_id: null, starts_at: 1_000_000, ends_at: 6_000_000 },
      { out_move_id: 2, return_move_id: 3, starts_at: 6_000_000, ends_at: 9_100_000 },
    ]);
  });

  it("gives earlier service orders their first promised estimate from their items' durations", () => {
    const db = migratedWith(
      `insert into service_orders (id,dealer_id,type,services,status,items,total_cents,payment_method,estimated_at,receipt_token,created_at,updated_at) values ('so1','d1','reconditioning','[]','delayed','[{"durationMinutes":30,"quantity":2},{"durationMinutes":15,"quantity":1}]',100,'account',99999999,'r1',1000,1000);`,
    );
    const row = db.prepare("select original_estimated_at from service_orders where id = 'so1'").get();
    expect(row).toEqual({ original_estimated_at: 1000 + 75 * 60_000 });
  });
});
