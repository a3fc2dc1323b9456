/** What Forecourt's recon vendors and concierge team sell, with list price and standard duration. */
export interface CatalogItem {
  code: string;
  kind: "reconditioning" | "concierge";
  name: string;
  description: string;
  priceCents: number;
  durationMinutes: number;
}

const HOUR = 60;
const DAY = 24 * HOUR;

export const SERVICE_CATALOG: readonly CatalogItem[] = [
  {
    code: "wash-and-detail",
    kind: "reconditioning",
    name: "Wash & detail",
    description: "Exterior hand wash, interior vacuum and wipe-down.",
    priceCents: 12_500,
    durationMinutes: 3 * HOUR,
  },
  {
    code: "full-detail",
    kind: "reconditioning",
    name: "Full detail",
    description: "Clay bar, polish and wax; shampoo carpets and seats; engine bay.",
    priceCents: 29_900,
    durationMinutes: 8 * HOUR,
  },
  {
    code: "mechanical-repair",
    kind: "reconditioning",
    name: "Mechanical repair",
    description: "Diagnose and repair faults from the inspection report (up to 4 labour hours).",
    priceCents: 48_000,
    durationMinutes: 2 * DAY,
  },
  {
    code: "brakes",
    kind: "reconditioning",
    name: "Brakes",
    description: "Pads and rotors on one axle, fluid check.",
    priceCents: 34_500,
    durationMinutes: 4 * HOUR,
  },
  {
    code: "tires",
    kind: "reconditioning",
    name: "Tires",
    description: "Four new tires, mount, balance and alignment.",
    priceCents: 72_000,
    durationMinutes: 5 * HOUR,
  },
  {
    code: "body-and-paint",
    kind: "reconditioning",
    name: "Body & paint",
    description: "Panel repair and refinish, colour-matched.",
    priceCents: 35_000,
    durationMinutes: 3 * DAY,
  },
  {
    code: "paintless-dent-repair",
    kind: "reconditioning",
    name: "Paintless dent repair",
    description: "Remove small dents and dings without repainting.",
    priceCents: 15_000,
    durationMinutes: 4 * HOUR,
  },
  {
    code: "glass",
    kind: "reconditioning",
    name: "Glass",
    description: "Windshield chip repair or replacement.",
    priceCents: 27_500,
    durationMinutes: 6 * HOUR,
  },
  {
    code: "interior-repair",
    kind: "reconditioning",
    name: "Interior repair",
    description: "Seat, carpet and trim repair; odour removal.",
    priceCents: 22_000,
    durationMinutes: 1 * DAY,
  },
  {
    code: "wheel-repair",
    kind: "reconditioning",
    name: "Wheel repair",
    description: "Refinish curb-rashed wheels.",
    priceCents: 14_000,
    durationMinutes: 5 * HOUR,
  },
  {
    code: "concierge-search",
    kind: "concierge",
    name: "Concierge Search",
    description: "A concierge finds vehicles that fit the buyer's criteria.",
    priceCents: 29_900,
    durationMinutes: 5 * DAY,
  },
  {
    code: "concierge-buy",
    kind: "concierge",
    name: "Concierge Buy",
    description: "Purchase, paperwork and delivery to the buyer's door.",
    priceCents: 49_900,
    durationMinutes: 7 * DAY,
  },
];

export const RECON_CODES = SERVICE_CATALOG.filter((c) => c.kind === "reconditioning").map((c) => c.code);

export function catalogItem(code: string): CatalogItem | undefined {
  return SERVICE_CATALOG.find((c) => c.code === code);
}
