import type { Db } from "@/db/client";
import { tradeCustomers } from "@/db/schema";
import type { AccountDiscount, OrderType } from "@/db/schema/parts";
import { generateIntoCatalog } from "@/lib/parts/catalog-import";
import { newId } from "@/lib/platform/ids";

/** A small catalog (the featured parts plus generated ones) and one trade account, for tests. */
export function seedPartsFor(
  db: Db,
  dealerId: string,
  opts: { count?: number; account?: Partial<typeof tradeCustomers.$inferInsert> } = {},
) {
  generateIntoCatalog(db, dealerId, {
    count: opts.count ?? 300,
    seed: dealerId,
    taxRateBp: 530,
    featured: true,
  });
  const customer = addAccount(db, dealerId, opts.account);
  const partId = (code: string) =>
    (
      db.$client
        .prepare("select id from parts where dealer_id = ? and part_code = ?")
        .get(dealerId, code) as { id: string }
    ).id;
  const stock = (code: string) =>
    db.$client
      .prepare(
        "select s.on_hand as onHand, s.reserved from parts p join part_stocks s on s.part_seq = p.seq where p.dealer_id = ? and p.part_code = ?",
      )
      .get(dealerId, code) as { onHand: number; reserved: number };
  const setStock = (code: string, onHand: number, extra: { backOrderable?: boolean } = {}) =>
    db.$client
      .prepare(
        "update part_stocks set on_hand = ?, reserved = 0, back_orderable = coalesce(?, back_orderable) where part_seq = (select seq from parts where dealer_id = ? and part_code = ?)",
      )
      .run(onHand, extra.backOrderable === undefined ? null : extra.backOrderable ? 1 : 0, dealerId, code);
  return { customer, partId, stock, setStock };
}

export function addAccount(
  db: Db,
  dealerId: string,
  over: Partial<typeof tradeCustomers.$inferInsert> & {
    discounts?: AccountDiscount[];
    allowedOrderTypes?: OrderType[];
  } = {},
) {
  return db
    .insert(tradeCustomers)
    .values({
      id: newId("cust"),
      dealerId,
      accountNumber: `T-${Math.floor(Math.random() * 1e8)}`,
      companyName: "Test Garage",
      contactName: "Terry Test",
      phone: "+1 804 555 0100",
      email: "terry@garage.test",
      streetName: "1 Main St",
      postalCode: "23220",
      city: "Richmond",
      countryCode: "US",
      defaultDiscountPercent: 10,
      discounts: [{ brandCode: "MC", percent: 20 }],
      allowedOrderTypes: ["STK", "EMG", "DPO", "VOR", "COL"],
      orderReferenceRequired: false,
      ...over,
    })
    .returning()
    .get();
}

export const contact = { name: "Terry Test", phone: "+1 804 555 0100", email: "terry@garage.test" };
