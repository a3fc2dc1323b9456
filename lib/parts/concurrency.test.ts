import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeDealer, useTempDatabase } from "@/lib/testing/harness";
import { seedPartsFor } from "@/lib/testing/parts-fixtures";

const run = promisify(execFile);
const placer = path.join(process.cwd(), "lib/testing/parts-placer.ts");

let env: ReturnType<typeof useTempDatabase>;
let dealerId: string;
let parts: ReturnType<typeof seedPartsFor>;

beforeAll(() => {
  env = useTempDatabase();
  dealerId = makeDealer("race").id;
  parts = seedPartsFor(getDb(), dealerId, { count: 20 });
});
afterAll(() => env.cleanup());

/** Two OS processes (separate SQLite connections) place orders for the same part at the same moment. */
async function race(code: string, ordersEach: number): Promise<string[][]> {
  const startAt = String(Date.now() + 1500);
  const args = [dealerId, parts.customer.id, parts.partId(code), String(ordersEach), startAt];
  const spawnOne = () =>
    run(process.execPath, ["--conditions=react-server", "--import", "tsx", placer, ...args], {
      env: { ...process.env },
      cwd: process.cwd(),
    }).then((r) => JSON.parse(r.stdout) as string[]);
  return Promise.all([spawnOne(), spawnOne()]);
}

describe("stock is never oversold", () => {
  it("two concurrent orders for the last unit: one RESERVED, one BACKORDER", async () => {
    parts.setStock("FL-500S", 1);
    const [first, second] = await race("FL-500S", 1);
    expect([...first, ...second].sort()).toEqual(["BACKORDER", "RESERVED"]);
    expect(parts.stock("FL-500S")).toEqual({ onHand: 1, reserved: 1 });
  }, 30_000);

  it("many interleaved orders from two processes reserve exactly what is on hand", async () => {
    parts.setStock("SP-515", 25);
    const results = await race("SP-515", 30);
    const all = results.flat();
    expect(all.filter((s) => s === "RESERVED")).toHaveLength(25);
    expect(all.filter((s) => s === "BACKORDER")).toHaveLength(35);
    // Each process placed all its orders; together they reserved exactly the 25 on hand.
    for (const r of results) expect(r.length).toBe(30);
    const stock = parts.stock("SP-515");
    expect(stock).toEqual({ onHand: 25, reserved: 25 });
    expect(stock.onHand - stock.reserved).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it("the database itself refuses to reserve more than is on hand", () => {
    parts.setStock("PF63", 1);
    const seq = (
      getDb()
        .$client.prepare("select seq from parts where dealer_id = ? and part_code = 'PF63'")
        .get(dealerId) as { seq: number }
    ).seq;
    expect(() =>
      getDb().$client.prepare("update part_stocks set reserved = 2 where part_seq = ?").run(seq),
    ).toThrow(/CHECK constraint/);
  });
});
