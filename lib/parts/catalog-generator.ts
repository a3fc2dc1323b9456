/**
 * Deterministic parts catalog: the same seed always gives the same parts, codes, prices and stock.
 * Part codes follow each brand's numbering convention (Ford "BB5Z-6731-A", Motorcraft "FL-500S",
 * Toyota "04152-YZZA1", Honda "15400-PLM-A02", ACDelco "PF63"), descriptions name the part and
 * the vehicles it fits. Pure: no database, so it is unit-tested and reused by the seed and the CLI.
 */

export interface BrandInfo {
  code: string;
  name: string;
}

export const BRANDS: readonly BrandInfo[] = [
  { code: "FD", name: "Ford" },
  { code: "MC", name: "Motorcraft" },
  { code: "TY", name: "Toyota" },
  { code: "HN", name: "Honda" },
  { code: "AC", name: "ACDelco" },
];

export interface GeneratedPart {
  brandCode: string;
  partCode: string;
  description: string;
  category: string;
  weightGrams: number;
  unitOfSale: string;
  listPriceCents: number;
  surchargeCents: number;
  requiresVin: boolean;
  onHand: number;
  leadTimeDays: number;
  backOrderable: boolean;
  salesBlockReason: string | null;
  /** Index (in the returned list) of the part that replaced this one. */
  supersededBy: number | null;
  supersessionDate: string | null;
  /** Indexes of interchangeable parts. */
  alternatives: number[];
}

// ------------------------------------------------------------------ randomness

/** mulberry32 seeded from a string (FNV-1a): small, fast and good enough for demo data. */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Rng, xs: readonly T[] | string): T => xs[Math.floor(r() * xs.length)] as T;
const LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"; // no I, O, Q: they read as digits
const digits = (r: Rng, n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join("");
const letters = (r: Rng, n: number) => Array.from({ length: n }, () => pick(r, LETTERS)).join("");
const alnum = (r: Rng, n: number) =>
  Array.from({ length: n }, () => (r() < 0.5 ? pick(r, LETTERS) : String(int(r, 0, 9)))).join("");

// ------------------------------------------------------------------ brand conventions

/** Ford service part: <prefix>-<basic part number>-<suffix>, e.g. "BB5Z-6731-A". */
const ford = (basic: string) => (r: Rng) =>
  `${pick(r, "ABCDEFGHJKL")}${pick(r, LETTERS)}${int(r, 1, 9)}Z-${basic}-${r() < 0.6 ? pick(r, "ABCDEFGH") : `${pick(r, "AB")}${pick(r, "ABCDEFGH")}`}`;
/** Toyota: <5-digit group>-<5 characters>, e.g. "04152-YZZA1", "04465-0E010". */
const toyota = (group: string) => (r: Rng) =>
  `${group}-${r() < 0.25 ? `YZZ${letters(r, 1)}${int(r, 1, 9)}` : `${alnum(r, 2)}${digits(r, 3)}`}`;
/** Honda: <5-digit group>-<3-character model code>-<revision>, e.g. "15400-PLM-A02". */
const honda = (group: string) => (r: Rng) =>
  `${group}-${letters(r, 2)}${r() < 0.5 ? letters(r, 1) : int(r, 0, 9)}-${pick(r, "AJMN")}${digits(r, 2)}`;
/** Motorcraft: <type prefix>-<number><optional letter>, e.g. "FL-500S", "BRF-1478". */
const motorcraft =
  (prefix: string, n: [number, number], suffixes = "") =>
  (r: Rng) =>
    `${prefix}-${int(r, 10 ** (n[0] - 1), 10 ** n[1] - 1)}${suffixes && r() < 0.5 ? pick(r, suffixes) : ""}`;
/** ACDelco codes vary by line: "PF63", "41-110", "17D1367CH", "48AGM". */
const acdelco = (make: (r: Rng) => string) => make;

interface PartType {
  category: string;
  names: readonly string[];
  unit: string;
  weight: [number, number];
  price: [number, number];
  core?: [number, number];
  requiresVin?: boolean;
  /** Relative frequency in the catalog. */
  weightInCatalog: number;
  codes: Partial<Record<string, (r: Rng) => string>>;
}

const PART_TYPES: readonly PartType[] = [
  {
    category: "Filters",
    names: ["Oil filter", "Oil filter, extended life"],
    unit: "EA",
    weight: [250, 520],
    price: [599, 1899],
    weightInCatalog: 10,
    codes: {
      FD: ford("6731"),
      MC: motorcraft("FL", [3, 4], "SB"),
      TY: (r) => (r() < 0.5 ? toyota("04152")(r) : toyota("90915")(r)),
      HN: honda("15400"),
      AC: acdelco((r) => `PF${int(r, 2, 2299)}${r() < 0.3 ? "G" : ""}`),
    },
  },
  {
    category: "Filters",
    names: ["Engine air filter"],
    unit: "EA",
    weight: [300, 900],
    price: [1299, 4199],
    weightInCatalog: 7,
    codes: {
      FD: ford("9601"),
      MC: motorcraft("FA", [4, 4]),
      TY: toyota("17801"),
      HN: honda("17220"),
      AC: acdelco((r) => `A${int(r, 1000, 3999)}C`),
    },
  },
  {
    category: "Filters",
    names: ["Cabin air filter", "Cabin air filter, activated carbon"],
    unit: "EA",
    weight: [150, 400],
    price: [1499, 4599],
    weightInCatalog: 5,
    codes: {
      FD: ford("19N619"),
      MC: motorcraft("FP", [2, 3]),
      TY: toyota("87139"),
      HN: honda("80292"),
      AC: acdelco((r) => `CF${int(r, 100, 3999)}${r() < 0.4 ? "C" : ""}`),
    },
  },
  {
    category: "Brakes",
    names: ["Brake pad set, front", "Brake pad set, front, ceramic"],
    unit: "SET",
    weight: [1400, 2600],
    price: [4499, 12999],
    weightInCatalog: 8,
    codes: {
      FD: ford("2001"),
      MC: motorcraft("BRF", [4, 4], "B"),
      TY: toyota("04465"),
      HN: honda("45022"),
      AC: acdelco((r) => `17D${int(r, 1000, 2199)}${pick(r, ["CH", "M", "C"])}`),
    },
  },
  {
    category: "Brakes",
    names: ["Brake pad set, rear", "Brake pad set, rear, ceramic"],
    unit: "SET",
    weight: [1000, 2000],
    price: [3999, 10999],
    weightInCatalog: 6,
    codes: {
      FD: ford("2200"),
      MC: motorcraft("BRR", [4, 4]),
      TY: toyota("04466"),
      HN: honda("43022"),
      AC: acdelco((r) => `14D${int(r, 1000, 2199)}${pick(r, ["CH", "M"])}`),
    },
  },
  {
    category: "Brakes",
    names: ["Brake rotor, front", "Brake rotor, rear"],
    unit: "EA",
    weight: [5000, 14000],
    price: [5999, 18999],
    weightInCatalog: 6,
    codes: {
      FD: ford("1125"),
      MC: motorcraft("BRRF", [3, 3]),
      TY: toyota("43512"),
      HN: honda("45251"),
      AC: acdelco((r) => `18A${int(r, 1000, 2999)}A`),
    },
  },
  {
    category: "Brakes",
    names: ["Brake caliper, front left, remanufactured", "Brake caliper, front right, remanufactured"],
    unit: "EA",
    weight: [3000, 6000],
    price: [6999, 17999],
    core: [2500, 6000],
    weightInCatalog: 3,
    codes: {
      FD: ford("2B120"),
      MC: motorcraft("BRCF", [3, 3]),
      TY: toyota("47750"),
      HN: honda("45018"),
      AC: acdelco((r) => `172-${int(r, 1000, 2999)}`),
    },
  },
  {
    category: "Ignition",
    names: ["Spark plug, iridium", "Spark plug, platinum", "Spark plug, double platinum"],
    unit: "EA",
    weight: [50, 90],
    price: [699, 2499],
    weightInCatalog: 7,
    codes: {
      FD: ford("12405"),
      MC: motorcraft("SP", [3, 3]),
      TY: toyota("90919"),
      HN: honda("12290"),
      AC: acdelco((r) => `41-${int(r, 100, 999)}`),
    },
  },
  {
    category: "Ignition",
    names: ["Ignition coil"],
    unit: "EA",
    weight: [250, 600],
    price: [4999, 12999],
    weightInCatalog: 4,
    codes: {
      FD: ford("12029"),
      MC: motorcraft("DG", [3, 3]),
      TY: toyota("90080"),
      HN: honda("30520"),
      AC: acdelco((r) => `D${int(r, 500, 2999)}${pick(r, ["C", "A", ""])}`),
    },
  },
  {
    category: "Wipers",
    names: ["Wiper blade {size}in", "Wiper blade {size}in, beam", "Rear wiper blade {size}in"],
    unit: "EA",
    weight: [150, 400],
    price: [1299, 3499],
    weightInCatalog: 6,
    codes: {
      FD: ford("17528"),
      MC: motorcraft("WW", [4, 4]),
      TY: toyota("85222"),
      HN: honda("76622"),
      AC: acdelco((r) => `8-${int(r, 1000, 9999)}`),
    },
  },
  {
    category: "Electrical",
    names: ["Alternator, remanufactured {amps}A", "Alternator, new {amps}A"],
    unit: "EA",
    weight: [5000, 8500],
    price: [17999, 42999],
    core: [4000, 9000],
    weightInCatalog: 4,
    codes: {
      FD: ford("10346"),
      MC: motorcraft("GL", [4, 4], "RM"),
      TY: toyota("27060"),
      HN: honda("31100"),
      AC: acdelco((r) => `334-${int(r, 1000, 2999)}`),
    },
  },
  {
    category: "Electrical",
    names: ["Starter motor, remanufactured", "Starter motor, new"],
    unit: "EA",
    weight: [3500, 7000],
    price: [14999, 34999],
    core: [3000, 7000],
    weightInCatalog: 4,
    codes: {
      FD: ford("11002"),
      MC: motorcraft("SA", [3, 4]),
      TY: toyota("28100"),
      HN: honda("31200"),
      AC: acdelco((r) => `337-${int(r, 1000, 2999)}`),
    },
  },
  {
    category: "Electrical",
    names: ["Battery, 12V AGM group {group}, {cca} CCA", "Battery, 12V flooded group {group}, {cca} CCA"],
    unit: "EA",
    weight: [16000, 25000],
    price: [15999, 32999],
    core: [1800, 2200],
    weightInCatalog: 3,
    codes: {
      FD: ford("10655"),
      MC: (r) =>
        `BXT-${pick(r, ["40R", "48", "59", "65", "94R", "96R"])}-${int(r, 500, 950)}${pick(r, ["", "A", "B"])}`,
      TY: toyota("28800"),
      HN: honda("31500"),
      AC: acdelco(
        (r) =>
          `${pick(r, ["47", "48", "49", "65", "94R", "H6", "H7"])}${pick(r, ["AGM", "PG", "S"])}${r() < 0.7 ? `-${int(r, 1, 999)}` : ""}`,
      ),
    },
  },
  {
    category: "Cooling",
    names: ["Water pump", "Water pump with gasket"],
    unit: "EA",
    weight: [1000, 3500],
    price: [5999, 24999],
    weightInCatalog: 4,
    codes: {
      FD: ford("8501"),
      MC: motorcraft("PW", [3, 3]),
      TY: toyota("16100"),
      HN: honda("19200"),
      AC: acdelco((r) => `252-${int(r, 100, 999)}`),
    },
  },
  {
    category: "Cooling",
    names: ["Thermostat with housing", "Thermostat"],
    unit: "EA",
    weight: [150, 900],
    price: [1999, 8999],
    weightInCatalog: 3,
    codes: {
      FD: ford("8575"),
      MC: motorcraft("RT", [4, 4]),
      TY: toyota("90916"),
      HN: honda("19301"),
      AC: acdelco((r) => `15-${int(r, 10000, 99999)}`),
    },
  },
  {
    category: "Cooling",
    names: ["Radiator"],
    unit: "EA",
    weight: [5000, 12000],
    price: [18999, 64999],
    weightInCatalog: 2,
    codes: {
      FD: ford("8005"),
      MC: motorcraft("RAD", [3, 3]),
      TY: toyota("16400"),
      HN: honda("19010"),
      AC: acdelco((r) => `21${int(r, 100, 999)}`),
    },
  },
  {
    category: "Belts",
    names: ["Serpentine belt, 6-rib", "Serpentine belt, 7-rib", "Timing belt kit"],
    unit: "EA",
    weight: [200, 1500],
    price: [2499, 19999],
    weightInCatalog: 4,
    codes: {
      FD: ford("8620"),
      MC: motorcraft("JK6", [3, 3], "A"),
      TY: toyota("90916"),
      HN: honda("31110"),
      AC: acdelco((r) => `${pick(r, ["6K", "7K", "4K"])}${int(r, 300, 999)}`),
    },
  },
  {
    category: "Suspension",
    names: ["Strut assembly, front left", "Strut assembly, front right", "Shock absorber, rear"],
    unit: "EA",
    weight: [3000, 9000],
    price: [8999, 34999],
    weightInCatalog: 4,
    codes: {
      FD: ford("18124"),
      MC: motorcraft("ASH", [5, 5]),
      TY: toyota("48510"),
      HN: honda("51621"),
      AC: acdelco((r) => `580-${int(r, 100, 999)}`),
    },
  },
  {
    category: "Suspension",
    names: ["Control arm, front lower left", "Control arm, front lower right", "Sway bar link, front"],
    unit: "EA",
    weight: [500, 6000],
    price: [2999, 24999],
    weightInCatalog: 3,
    codes: {
      FD: ford("3078"),
      MC: motorcraft("MCF", [4, 4]),
      TY: toyota("48068"),
      HN: honda("51350"),
      AC: acdelco((r) => `45D${int(r, 1000, 3999)}`),
    },
  },
  {
    category: "Drivetrain",
    names: ["Wheel hub and bearing, front", "Wheel hub and bearing, rear"],
    unit: "EA",
    weight: [2500, 5500],
    price: [8999, 29999],
    weightInCatalog: 3,
    codes: {
      FD: ford("1104"),
      MC: motorcraft("HUB", [3, 3]),
      TY: toyota("43550"),
      HN: honda("44600"),
      AC: acdelco((r) => `FW${int(r, 100, 999)}`),
    },
  },
  {
    category: "Emissions",
    names: ["Oxygen sensor, upstream", "Oxygen sensor, downstream"],
    unit: "EA",
    weight: [100, 250],
    price: [4999, 18999],
    weightInCatalog: 3,
    codes: {
      FD: ford("9F472"),
      MC: motorcraft("DY", [4, 4]),
      TY: toyota("89465"),
      HN: honda("36531"),
      AC: acdelco((r) => `213-${int(r, 1000, 4999)}`),
    },
  },
  {
    category: "Fuel",
    names: ["Fuel pump module", "Fuel filter"],
    unit: "EA",
    weight: [300, 2500],
    price: [2999, 39999],
    weightInCatalog: 2,
    codes: {
      FD: ford("9H307"),
      MC: motorcraft("PFS", [3, 3]),
      TY: toyota("23220"),
      HN: honda("17045"),
      AC: acdelco((r) => `MU${int(r, 1000, 2999)}`),
    },
  },
  {
    category: "Lighting",
    names: ["Headlamp bulb {bulb}", "Fog lamp bulb {bulb}", "Tail lamp assembly, left"],
    unit: "EA",
    weight: [30, 2500],
    price: [999, 29999],
    weightInCatalog: 2,
    codes: {
      FD: ford("13N021"),
      TY: toyota("90981"),
      HN: honda("33115"),
      AC: acdelco((r) => `LB${int(r, 1000, 9999)}`),
    },
  },
  {
    category: "Keys",
    names: ["Key blank, transponder (cut and coded to VIN)", "Remote key fob (programmed to VIN)"],
    unit: "EA",
    weight: [20, 80],
    price: [8999, 34999],
    requiresVin: true,
    weightInCatalog: 1,
    codes: { FD: ford("15K601"), TY: toyota("89070"), HN: honda("35118") },
  },
  {
    category: "Electronics",
    names: ["Powertrain control module (programmed to VIN)", "Body control module (programmed to VIN)"],
    unit: "EA",
    weight: [400, 1200],
    price: [39999, 129999],
    core: [10000, 25000],
    requiresVin: true,
    weightInCatalog: 1,
    codes: {
      FD: ford("12A650"),
      TY: toyota("89661"),
      HN: honda("37820"),
      AC: acdelco((r) => `19${digits(r, 6)}`),
    },
  },
  {
    category: "Fluids",
    names: [
      "Engine oil {oil} full synthetic, 1 qt",
      "Engine oil {oil} synthetic blend, 5 qt",
      "Coolant, prediluted 50/50, 1 gal",
    ],
    unit: "QT",
    weight: [900, 4700],
    price: [899, 4499],
    weightInCatalog: 2,
    codes: {
      MC: (r) =>
        `XO-${pick(r, ["5W20", "5W30", "0W20", "5W50"])}-${pick(r, ["Q1SP", "QFS", "5QSP", "QSP"])}${r() < 0.5 ? int(r, 1, 9) : ""}`,
      TY: (r) => `00279-${pick(r, ["0WQTE", "1QT0W", "1QT5W"])}-${digits(r, 2)}`,
      HN: (r) => `08798-${digits(r, 4)}`,
      AC: acdelco((r) => `10-${int(r, 9000, 9999)}`),
    },
  },
];

const MODELS: Record<string, readonly string[]> = {
  FD: [
    "F-150",
    "Escape",
    "Explorer",
    "Focus",
    "Fusion",
    "Edge",
    "Ranger",
    "Mustang",
    "Expedition",
    "Transit",
    "Bronco Sport",
    "Super Duty F-250",
  ],
  MC: [
    "F-150",
    "Escape",
    "Explorer",
    "Focus",
    "Fusion",
    "Edge",
    "Ranger",
    "Mustang",
    "Expedition",
    "Transit",
    "Lincoln Navigator",
    "Lincoln MKZ",
  ],
  TY: ["Camry", "Corolla", "RAV4", "Tacoma", "Highlander", "Tundra", "Prius", "Sienna", "4Runner", "Avalon"],
  HN: ["Civic", "Accord", "CR-V", "Pilot", "Odyssey", "HR-V", "Ridgeline", "Fit", "Passport"],
  AC: [
    "Silverado 1500",
    "Equinox",
    "Malibu",
    "Tahoe",
    "Traverse",
    "Sierra 1500",
    "Colorado",
    "Cruze",
    "Acadia",
    "Suburban",
  ],
};

const BLOCK_REASONS = [
  "Recall hold: awaiting supplier quality inspection",
  "Hazardous material: collection at the counter only",
  "Price under review by the manufacturer",
  "Export-controlled part: order through the manufacturer",
];

function fillName(r: Rng, name: string): string {
  return name
    .replace("{size}", String(pick(r, [14, 16, 17, 18, 19, 20, 21, 22, 24, 26, 28])))
    .replace("{amps}", String(pick(r, [110, 130, 150, 175, 200, 220])))
    .replace("{group}", pick(r, ["35", "47", "48", "49", "65", "94R", "H6", "H7"]))
    .replace("{cca}", String(pick(r, [550, 640, 680, 730, 760, 800, 850])))
    .replace("{bulb}", pick(r, ["H11", "H7", "9005", "9006", "H13", "D3S"]))
    .replace("{oil}", pick(r, ["0W-20", "5W-20", "5W-30", "0W-16"]));
}

function fitment(r: Rng, brand: string): string {
  const from = int(r, 2006, 2021);
  return `${pick(r, MODELS[brand])} ${from}-${Math.min(from + int(r, 2, 6), 2025)}`;
}

/** Parts every demo catalog has, so demos and tests can rely on them (codes and stock are fixed). */
export const FEATURED_PARTS: readonly (Omit<GeneratedPart, "supersededBy" | "alternatives"> & {
  supersededByCode?: string;
  alternativeCodes?: string[];
})[] = [
  featured("MC", "FL-300S", "Oil filter — F-150 2004-2010", "Filters", 0, {
    supersededByCode: "FL-400S",
    supersessionDate: "2016-04-01",
  }),
  featured("MC", "FL-400S", "Oil filter — F-150 2004-2010", "Filters", 0, {
    supersededByCode: "FL-500S",
    supersessionDate: "2021-03-15",
  }),
  featured("MC", "FL-500S", "Oil filter — F-150 2011-2024", "Filters", 48, {
    alternativeCodes: ["BB5Z-6731-A", "PF63"],
  }),
  featured("FD", "BB5Z-6731-A", "Oil filter — F-150 2011-2024", "Filters", 12),
  featured("AC", "PF63", "Oil filter — Silverado 1500 2014-2024", "Filters", 30),
  featured("MC", "BRF-1478", "Brake pad set, front — F-150 2015-2020", "Brakes", 1, {
    leadTimeDays: 5,
    alternativeCodes: ["17D1414CH"],
  }),
  featured("AC", "17D1414CH", "Brake pad set, front, ceramic — F-150 2015-2020", "Brakes", 6),
  featured("TY", "04152-YZZA1", "Oil filter element — Camry 2012-2024", "Filters", 25),
  featured("HN", "15400-PLM-A02", "Oil filter — Civic 2006-2024", "Filters", 40),
  featured("MC", "SP-515", "Spark plug, iridium — F-150 2011-2016", "Ignition", 64),
  featured("MC", "WW-2201", "Wiper blade 22in — Escape 2013-2019", "Wipers", 18),
  featured("MC", "GL-8908", "Alternator, remanufactured 200A — F-150 2015-2020", "Electrical", 3, {
    surchargeCents: 7500,
    listPriceCents: 32999,
  }),
  featured("AC", "48AGM", "Battery, 12V AGM group 48, 760 CCA", "Electrical", 9, {
    surchargeCents: 2200,
    listPriceCents: 23999,
  }),
  featured(
    "FD",
    "FL3Z-12A650-BXA",
    "Powertrain control module (programmed to VIN) — F-150 2015-2017",
    "Electronics",
    2,
    {
      requiresVin: true,
      surchargeCents: 15000,
      listPriceCents: 74999,
    },
  ),
  featured("TY", "04465-0E010", "Brake pad set, front — Highlander 2008-2019", "Brakes", 14, {
    salesBlockReason: BLOCK_REASONS[0],
  }),
];

function featured(
  brandCode: string,
  partCode: string,
  description: string,
  category: string,
  onHand: number,
  over: Partial<GeneratedPart> & { supersededByCode?: string; alternativeCodes?: string[] } = {},
) {
  return {
    brandCode,
    partCode,
    description,
    category,
    weightGrams: category === "Electrical" ? 7000 : category === "Brakes" ? 1800 : 400,
    unitOfSale: category === "Brakes" ? "SET" : "EA",
    listPriceCents: category === "Brakes" ? 8999 : category === "Ignition" ? 1199 : 1299,
    surchargeCents: 0,
    requiresVin: false,
    onHand,
    leadTimeDays: 3,
    backOrderable: !over.supersededByCode,
    salesBlockReason: null,
    supersessionDate: null,
    ...over,
  };
}

/** "FL-500S" -> "FL500S": what code search and uniqueness compare. */
export function codeKey(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/**
 * Generates `count` parts. With `featured`, the list starts with FEATURED_PARTS (counted in
 * `count`). `avoid` holds code keys (brand:codeKey) already in use, e.g. by an earlier batch.
 */
export function generateCatalog(opts: {
  seed: string;
  count: number;
  featured?: boolean;
  brands?: readonly string[];
  avoid?: ReadonlySet<string>;
}): GeneratedPart[] {
  const r = seededRandom(opts.seed);
  const brands = opts.brands ?? BRANDS.map((b) => b.code);
  const used = new Set(opts.avoid ?? []);
  const out: GeneratedPart[] = [];
  const typeOf: number[] = [];

  if (opts.featured) {
    const index = new Map(FEATURED_PARTS.map((f, i) => [f.partCode, i]));
    for (const f of FEATURED_PARTS) {
      const { supersededByCode, alternativeCodes, ...part } = f;
      used.add(`${f.brandCode}:${codeKey(f.partCode)}`);
      out.push({
        ...part,
        supersededBy: supersededByCode ? index.get(supersededByCode)! : null,
        alternatives: (alternativeCodes ?? []).map((c) => index.get(c)!),
      });
      typeOf.push(-1);
    }
    // Alternatives work both ways.
    out.forEach((p, i) => {
      for (const j of p.alternatives) if (!out[j].alternatives.includes(i)) out[j].alternatives.push(i);
    });
  }

  const totalWeight = PART_TYPES.reduce((s, t) => s + t.weightInCatalog, 0);
  const chooseType = () => {
    let x = r() * totalWeight;
    for (let i = 0; i < PART_TYPES.length; i++) {
      x -= PART_TYPES[i].weightInCatalog;
      if (x < 0) return i;
    }
    return PART_TYPES.length - 1;
  };

  let attempts = 0;
  while (out.length < opts.count && attempts < opts.count * 20) {
    attempts++;
    const ti = chooseType();
    const type = PART_TYPES[ti];
    const brand = pick(r, brands);
    const make = type.codes[brand];
    if (!make) continue;
    const partCode = make(r);
    const key = `${brand}:${codeKey(partCode)}`;
    if (used.has(key)) continue;
    used.add(key);
    const description = `${fillName(r, pick(r, type.names))} — ${fitment(r, brand)}`;
    const roll = r();
    const onHand =
      roll < 0.18 ? 0 : roll < 0.33 ? int(r, 1, 2) : roll < 0.85 ? int(r, 3, 24) : int(r, 25, 120);
    out.push({
      brandCode: brand,
      partCode,
      description,
      category: type.category,
      weightGrams: int(r, type.weight[0], type.weight[1]),
      unitOfSale: type.unit,
      // List prices end in 9 cents, as price files do.
      listPriceCents: Math.floor(int(r, type.price[0], type.price[1]) / 10) * 10 + 9,
      surchargeCents: type.core ? Math.round(int(r, type.core[0], type.core[1]) / 100) * 100 : 0,
      requiresVin: type.requiresVin ?? false,
      onHand,
      leadTimeDays: pick(r, [1, 1, 2, 2, 3, 3, 5, 7, 10, 14]),
      backOrderable: r() < 0.92,
      salesBlockReason: r() < 0.01 ? pick(r, BLOCK_REASONS) : null,
      supersededBy: null,
      supersessionDate: null,
      alternatives: [],
    });
    typeOf.push(ti);
  }

  linkSupersessions(r, out, typeOf);
  linkAlternatives(r, out, typeOf);
  return out;
}

/**
 * About 5% of generated parts are superseded by a later part of the same brand and type; when the
 * successor is itself superseded the chain grows (at most 3 parts). An old number keeps its
 * description, has no stock left and cannot be back-ordered: orders follow the chain instead.
 */
function linkSupersessions(r: Rng, parts: GeneratedPart[], typeOf: number[]) {
  const lastOfGroup = new Map<string, number>();
  const depth = new Map<number, number>();
  for (let i = parts.length - 1; i >= 0; i--) {
    if (typeOf[i] < 0) continue;
    const group = `${parts[i].brandCode}:${typeOf[i]}`;
    const next = lastOfGroup.get(group);
    lastOfGroup.set(group, i);
    if (next === undefined || r() >= 0.05) continue;
    const nextDepth = depth.get(next) ?? 1;
    if (nextDepth >= 3) continue;
    const p = parts[i];
    p.supersededBy = next;
    p.description = parts[next].description;
    p.onHand = 0;
    p.backOrderable = false;
    p.salesBlockReason = null;
    const year = int(r, 2015, 2024);
    p.supersessionDate = `${year}-${String(int(r, 1, 12)).padStart(2, "0")}-${String(int(r, 1, 28)).padStart(2, "0")}`;
    depth.set(i, nextDepth + 1);
  }
}

/** About 10% of parts get an interchangeable part of the same type from another brand. */
function linkAlternatives(r: Rng, parts: GeneratedPart[], typeOf: number[]) {
  const byType = new Map<number, number[]>();
  typeOf.forEach((t, i) => {
    if (t >= 0 && parts[i].supersededBy === null) byType.set(t, [...(byType.get(t) ?? []), i]);
  });
  for (const [, members] of byType) {
    for (const i of members) {
      if (r() >= 0.1) continue;
      for (let tries = 0; tries < 4; tries++) {
        const j = pick(r, members);
        if (j !== i && parts[j].brandCode !== parts[i].brandCode && !parts[i].alternatives.includes(j)) {
          parts[i].alternatives.push(j);
          parts[j].alternatives.push(i);
          break;
        }
      }
    }
  }
}
