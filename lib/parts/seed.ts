import "server-only";
import type { Db } from "@/db/client";
import { statement } from "@/db/raw";
import type { AccountDiscount, OrderType } from "@/db/schema";
import { systemActor } from "@/lib/platform/actor";
import { findDealerBySlug } from "@/lib/platform/identity/dealers";
import { newId } from "@/lib/platform/ids";
import { generateIntoCatalog } from "./catalog-import";
import type { LineAction } from "./line-lifecycle";
import { placeOrder, updateOrderLine } from "./service";

interface DemoAccount {
  accountNumber: string;
  companyName: string;
  contactName: string;
  phone: string;
  email: string;
  streetName: string;
  postalCode: string;
  city: string;
  defaultDiscountPercent: number;
  discounts: AccountDiscount[];
  allowedOrderTypes: OrderType[];
  orderReferenceRequired: boolean;
}

interface DemoOrder {
  account: string;
  orderType: OrderType;
  orderReference?: string;
  lines: [code: string, quantity: number][];
  /** Steps applied to every line that allows them, in order. */
  steps: LineAction[];
}

const DEMO: Record<
  string,
  { catalogSize: number; taxRateBp: number; accounts: DemoAccount[]; orders: DemoOrder[] }
> = {
  riverside: {
    catalogSize: 2400,
    taxRateBp: 530, // Virginia 5.3%
    accounts: [
      {
        accountNumber: "R-10021",
        companyName: "Northside Auto Repair",
        contactName: "Marcus Bell",
        phone: "+1 804 555 0117",
        email: "parts@northside-auto.test",
        streetName: "4120 Chamberlayne Ave",
        postalCode: "23227",
        city: "Richmond",
        defaultDiscountPercent: 10,
        discounts: [
          { brandCode: "MC", percent: 15 },
          { category: "Brakes", percent: 20 },
        ],
        allowedOrderTypes: ["STK", "DPO", "EMG", "COL"],
        orderReferenceRequired: false,
      },
      {
        accountNumber: "R-10045",
        companyName: "Capital Fleet Services",
        contactName: "Dana Whitfield",
        phone: "+1 804 555 0190",
        email: "fleet.parts@capitalfleet.test",
        streetName: "2201 Commerce Rd",
        postalCode: "23224",
        city: "Richmond",
        defaultDiscountPercent: 12,
        discounts: [{ brandCode: "FD", percent: 18 }],
        allowedOrderTypes: ["VOR", "EMG", "STK"],
        orderReferenceRequired: true,
      },
      {
        accountNumber: "R-10077",
        companyName: "James River Body Shop",
        contactName: "Tom Alvarez",
        phone: "+1 804 555 0163",
        email: "office@jamesriverbody.test",
        streetName: "915 Hull St",
        postalCode: "23224",
        city: "Richmond",
        defaultDiscountPercent: 5,
        discounts: [],
        allowedOrderTypes: ["DPO", "COL"],
        orderReferenceRequired: false,
      },
    ],
    orders: [
      {
        account: "R-10021",
        orderType: "STK",
        lines: [
          ["SP-515", 8],
          ["WW-2201", 2],
        ],
        steps: ["pick", "pack", "ship", "deliver"],
      },
      {
        account: "R-10045",
        orderType: "VOR",
        orderReference: "FLEET-4471",
        lines: [
          ["GL-8908", 5],
          ["48AGM", 1],
        ],
        steps: ["pick", "pack"],
      },
      { account: "R-10077", orderType: "DPO", lines: [["PF63", 4]], steps: [] },
      { account: "R-10021", orderType: "EMG", lines: [["48AGM", 2]], steps: ["pick", "pack", "ship"] },
    ],
  },
  bayview: {
    catalogSize: 2000,
    taxRateBp: 775, // San Diego 7.75%
    accounts: [
      {
        accountNumber: "B-20011",
        companyName: "Harbor Import Service",
        contactName: "Grace Lin",
        phone: "+1 619 555 0148",
        email: "parts@harborimport.test",
        streetName: "3450 Rosecrans St",
        postalCode: "92110",
        city: "San Diego",
        defaultDiscountPercent: 10,
        discounts: [
          { brandCode: "TY", percent: 15 },
          { brandCode: "HN", category: "Filters", percent: 25 },
        ],
        allowedOrderTypes: ["STK", "DPO", "EMG", "COL"],
        orderReferenceRequired: false,
      },
      {
        accountNumber: "B-20034",
        companyName: "Pacific Coast Fleet",
        contactName: "Ray Moreno",
        phone: "+1 619 555 0102",
        email: "maintenance@pacificfleet.test",
        streetName: "7700 Convoy Ct",
        postalCode: "92111",
        city: "San Diego",
        defaultDiscountPercent: 12,
        discounts: [],
        allowedOrderTypes: ["VOR", "EMG", "STK"],
        orderReferenceRequired: true,
      },
      {
        accountNumber: "B-20052",
        companyName: "Mission Valley Tire & Brake",
        contactName: "Alicia Park",
        phone: "+1 619 555 0187",
        email: "orders@mvtireandbrake.test",
        streetName: "1640 Camino del Rio N",
        postalCode: "92108",
        city: "San Diego",
        defaultDiscountPercent: 8,
        discounts: [{ category: "Brakes", percent: 22 }],
        allowedOrderTypes: ["DPO", "COL"],
        orderReferenceRequired: false,
      },
    ],
    orders: [
      {
        account: "B-20011",
        orderType: "STK",
        lines: [
          ["04152-YZZA1", 10],
          ["15400-PLM-A02", 6],
        ],
        steps: ["pick", "pack", "ship", "deliver", "invoice"],
      },
      {
        account: "B-20034",
        orderType: "VOR",
        orderReference: "PCF-20931",
        lines: [["GL-8908", 4]],
        steps: ["pick"],
      },
      { account: "B-20052", orderType: "COL", lines: [["17D1414CH", 2]], steps: [] },
    ],
  },
};

/**
 * The parts area's demo data for both demo dealers: a generated catalog (with stock), trade
 * accounts and a few orders at different stages, placed and advanced through the service so
 * they carry timelines and events. Skips a dealer whose catalog exists.
 */
export function seedParts(db: Db): number {
  let created = 0;
  for (const [slug, demo] of Object.entries(DEMO)) {
    const dealer = findDealerBySlug(db, slug);
    if (!dealer) continue;
    const has = statement(db, "select 1 from parts where dealer_id = ? limit 1").get(dealer.id);
    if (has) continue;
    created += generateIntoCatalog(db, dealer.id, {
      count: demo.catalogSize,
      seed: slug,
      taxRateBp: demo.taxRateBp,
      featured: true,
    });
    const accountIds = new Map<string, string>();
    demo.accounts.forEach((a, i) => {
      const id = newId("cust");
      accountIds.set(a.accountNumber, id);
      statement(
        db,
        `insert into trade_customers (id, dealer_id, account_number, company_name, contact_name, phone, email, street_name,
          postal_code, city, country_code, default_discount_percent, discounts, allowed_order_types, order_reference_required,
          active, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'US', ?, ?, ?, ?, 1, ?)`,
      ).run(
        id,
        dealer.id,
        a.accountNumber,
        a.companyName,
        a.contactName,
        a.phone,
        a.email,
        a.streetName,
        a.postalCode,
        a.city,
        a.defaultDiscountPercent,
        JSON.stringify(a.discounts),
        JSON.stringify(a.allowedOrderTypes),
        a.orderReferenceRequired ? 1 : 0,
        // Spaced a second apart so the newest-first list has a stable order.
        Date.UTC(2025, 0, 6) + i * 1000,
      );
      created++;
    });
    const actor = systemActor(dealer.id, "Parts counter (demo)");
    for (const o of demo.orders) {
      const account = demo.accounts.find((a) => a.accountNumber === o.account)!;
      const ids = o.lines.map(
        ([code]) =>
          (
            statement(db, "select id from parts where dealer_id = ? and part_code = ?").get(
              dealer.id,
              code,
            ) as { id: string }
          ).id,
      );
      const order = placeOrder(db, actor, {
        customerId: accountIds.get(o.account),
        orderType: o.orderType,
        orderReference: o.orderReference,
        orderContact: { name: account.contactName, phone: account.phone, email: account.email },
        parts: o.lines.map(([, quantity], i) => ({ part: { partId: ids[i] }, quantity })),
      });
      for (const step of o.steps) {
        const current = statement(db, "select id, status from parts_order_lines where order_id = ?").all(
          order.partsOrderId,
        ) as { id: string; status: string }[];
        for (const line of current) {
          if (line.status === "BACKORDER" || line.status === "CANCELLED") continue;
          try {
            updateOrderLine(db, actor, order.partsOrderId, line.id, { action: step });
          } catch {
            // A line already past this step (or not at it) is left where it is.
          }
        }
      }
      created++;
    }
  }
  return created;
}
