import { randomUUID } from "node:crypto";
import seedMoves from "../../lib/moves/fixtures/seed-002.json";

/**
 * The endpoints `npm run bench` measures, one after another, health first.
 *
 * Add an entry per endpoint worth watching. Examples:
 *
 *   // GET one object created beforehand:
 *   defineEndpoint({
 *     name: "GET /api/v1/webhooks/{id}",
 *     method: "GET",
 *     headers: bearer,
 *     setup: async (ctx) => {
 *       const res = await fetch(`${ctx.baseUrl}/api/v1/webhooks`, {
 *         method: "POST",
 *         headers: { ...bearer(ctx), "content-type": "application/json" },
 *         body: JSON.stringify({ url: "http://127.0.0.1:9/x", events: ["*"] }),
 *       });
 *       return (await res.json()) as { id: string };
 *     },
 *     path: (endpoint) => `/api/v1/webhooks/${endpoint.id}`,
 *   })
 *
 *   // A POST that must be unique per request (fresh body and Idempotency-Key each time):
 *   defineEndpoint({
 *     name: "POST /api/v1/webhooks",
 *     method: "POST",
 *     path: "/api/v1/webhooks",
 *     headers: bearer,
 *     idempotencyKey: true,
 *     body: () => JSON.stringify({ url: `http://127.0.0.1:9/${randomUUID()}`, events: ["*"] }),
 *   })
 */

/** What every endpoint's `setup` and `headers` receive. */
export interface BenchContext {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** A `*`-scoped API key of the `riverside` dealer. */
  apiKey: string;
  /** A `*`-scoped API key of the seeded demo OEM (`aurora`), for checkout carts. */
  oemApiKey: string;
}

export type BenchMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A per-request override, returned by a `body` function. */
export interface FreshRequest {
  body?: string;
  headers?: Record<string, string>;
  path?: string;
}

export interface BenchEndpoint<Data = unknown> {
  /** Shown in the table and the JSON results; keep it unique. */
  name: string;
  method: BenchMethod;
  /** A path, or one built from what `setup` returned. */
  path: string | ((data: Data) => string);
  headers?: Record<string, string> | ((ctx: BenchContext, data: Data) => Record<string, string>);
  /**
   * A fixed body, or a function called for EVERY request (fresh, unique bodies). It may return a
   * FreshRequest to also vary the path or headers. JSON bodies get `content-type: application/json`.
   */
  body?: string | ((data: Data) => string | FreshRequest);
  /** Send a new random Idempotency-Key with every request. */
  idempotencyKey?: boolean;
  /** Runs once against the live server before measuring; its result is passed to path/headers/body. */
  setup?: (ctx: BenchContext) => Promise<Data>;
}

/** Keeps `Data` typed inside one entry while letting the list hold entries of different shapes. */
export function defineEndpoint<Data>(endpoint: BenchEndpoint<Data>): BenchEndpoint {
  return endpoint as unknown as BenchEndpoint;
}

/** `Authorization: Bearer <the bench API key>`. */
export function bearer(ctx: BenchContext): Record<string, string> {
  return { authorization: `Bearer ${ctx.apiKey}` };
}

export const HEALTH_PATH = "/api/v1/health";

/** What parts counter staff and integrations type: part-number prefixes and description words. */
const PART_QUERIES = [
  "FL-5",
  "oil filter",
  "brake pad front",
  "04152",
  "15400-P",
  "alternator",
  "wiper 22",
  "PF6",
  "camry brake",
  "spark plug iridium",
  "BB5Z",
  "water pump",
  "17D1",
  "strut front",
  "gl-8",
  "battery agm",
];
let partQuery = 0;
let bookingNumber = 0;
const benchAppointment = new Date(Date.now() + 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
let basketBody: string | undefined;

export const endpoints: BenchEndpoint[] = [
  // The baseline every other figure is compared with: keep it first.
  defineEndpoint({ name: "GET /api/v1/health", method: "GET", path: HEALTH_PATH }),
  defineEndpoint({ name: "GET /api/v1/webhooks", method: "GET", path: "/api/v1/webhooks", headers: bearer }),
  defineEndpoint({ name: "GET /api/v1/openapi.json", method: "GET", path: "/api/v1/openapi.json" }),
  // Service orders: pricing a quote (a write: quote row, timeline entry, outbox event).
  defineEndpoint({
    name: "POST /api/v1/quotes",
    method: "POST",
    path: "/api/v1/quotes",
    headers: bearer,
    body: JSON.stringify({
      type: "reconditioning",
      vin: "1HGCM82633A004352",
      items: ["body-and-paint", "wash-and-detail"],
      contact: { name: "Bench Buyer", email: "bench@example.test" },
    }),
  }),
  defineEndpoint({
    name: "GET /api/v1/service-orders/{id}",
    method: "GET",
    headers: bearer,
    setup: async (ctx) => {
      const res = await fetch(`${ctx.baseUrl}/api/v1/service-orders`, {
        method: "POST",
        headers: { ...bearer(ctx), "content-type": "application/json" },
        body: JSON.stringify({
          type: "reconditioning",
          vin: "1HGCM82633A004352",
          items: ["tires", "brakes"],
        }),
      });
      const order = (await res.json()) as { id: string };
      // Give it a history worth reading.
      for (const status of ["in-progress", "completed"]) {
        await fetch(`${ctx.baseUrl}/api/v1/service-orders/${order.id}`, {
          method: "PATCH",
          headers: { ...bearer(ctx), "content-type": "application/json" },
          body: JSON.stringify({ status }),
        });
      }
      return order;
    },
    path: (order) => `/api/v1/service-orders/${order.id}`,
  }),
  // Moves: the seed's concierge + loaner booking (appointment in the future; geocoding, lanes, outbox).
  // Each request names its own loaner stock: the demo fleet's LOAN01 is lent out by the first
  // booking (and a loaner not in the fleet is not held), so repeating the seed's body would measure
  // the 409 instead of the booking.
  defineEndpoint({
    name: "POST /v1/concierge-loaner-moves",
    method: "POST",
    path: "/v1/concierge-loaner-moves",
    headers: bearer,
    body: () =>
      JSON.stringify({
        ...seedMoves.request,
        appointment_time_utc: benchAppointment,
        loaner_move: {
          ...seedMoves.request.loaner_move,
          vehicle: { stock: `BENCH-${(bookingNumber++).toString(36)}` },
        },
      }),
  }),
  // Parts: search over the 100,000-part catalog scripts/bench.ts generates (a new query each request).
  defineEndpoint({
    name: "GET /api/v1/parts?query= (100k parts)",
    method: "GET",
    path: "/api/v1/parts?query=FL-5",
    headers: bearer,
    body: () => ({
      path: `/api/v1/parts?query=${encodeURIComponent(PART_QUERIES[partQuery++ % PART_QUERIES.length])}`,
    }),
  }),
  // Parts: a 50-line basket priced for a trade account.
  defineEndpoint({
    name: "POST /api/v1/parts/price-availability (50 lines)",
    method: "POST",
    path: "/api/v1/parts/price-availability",
    headers: bearer,
    setup: async (ctx) => {
      const get = async (path: string) =>
        (await (await fetch(`${ctx.baseUrl}${path}`, { headers: bearer(ctx) })).json()) as {
          data: { customerId: string; partId: string; salesBlocked: boolean }[];
        };
      const customerId = (await get("/api/v1/customers")).data[0].customerId;
      const found = [
        ...(await get("/api/v1/parts?query=filter&limit=100")).data,
        ...(await get("/api/v1/parts?query=brake&limit=100")).data,
      ].filter((p) => !p.salesBlocked);
      return {
        customerId,
        parts: found.slice(0, 50).map((p, i) => ({ partId: p.partId, quantity: 1 + (i % 5) })),
      };
    },
    // Built from what setup found (the same body every time).
    body: (basket) => (basketBody ??= JSON.stringify(basket)),
  }),
  // Checkout: an OEM posts a cart hosted here (validation, variantConfigId lookup, routing,
  // cart row, timeline, outbox), a fresh cart and Idempotency-Key per request.
  defineEndpoint({
    name: "POST /api/v1/checkout-carts",
    method: "POST",
    path: "/api/v1/checkout-carts",
    headers: (ctx) => ({ authorization: `Bearer ${ctx.oemApiKey}` }),
    idempotencyKey: true,
    body: () =>
      JSON.stringify({
        oemKey: "aurora",
        variants: [{ variantConfigId: "ELAN-AllWeatherFloorMats-RoofRack", metadata: { color: "white" } }],
        registrationState: "VA",
        source: "bench",
        ecommOrderId: randomUUID(),
        items: { "aurora-cap": [{ name: "Aurora Cap", price: 29 }] },
        cancelUrl: "https://shop.aurora.example/cart",
        nativeDefaultCheckoutUrl: "https://shop.aurora.example/checkout",
        placedOrderMetadata: { campaign: "bench", utm: { source: "bench" } },
      }),
  }),
];
