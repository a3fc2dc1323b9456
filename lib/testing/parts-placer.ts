/**
 * A separate process placing parts orders against the same database file as the test that starts
 * it (see lib/parts/concurrency.test.ts). Waits for a shared start time so two placers really
 * race, then prints the line statuses it got as JSON.
 * argv: <dealerId> <customerId> <partId> <orders> <startAtMs>
 */
import { closeDb, getDb } from "@/db/client";
import { placeOrder } from "@/lib/parts/service";
import { systemActor } from "@/lib/platform/actor";

const [dealerId, customerId, partId, orders, startAt] = process.argv.slice(2);
const actor = systemActor(dealerId, `placer ${process.pid}`);
const db = getDb();
const statuses: string[] = [];

async function main() {
  while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
  for (let i = 0; i < Number(orders); i++) {
    const order = placeOrder(db, actor, {
      customerId,
      orderType: "STK",
      orderContact: { name: "Race", phone: "+1 804 555 0100", email: "race@garage.test" },
      parts: [{ part: { partId }, quantity: 1 }],
    });
    statuses.push(...order.lines.map((l) => l.partsOrderLineStatus));
  }
  closeDb();
  process.stdout.write(JSON.stringify(statuses));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
