/**
 * Where a posted cart's buyer checks out (pure). The spec: the OEM's own page when the cart has no
 * vehicles or hosted checkout is not on in the registration state; otherwise our hosted page,
 * fulfilled by one of the OEM's dealers.
 */

export interface FulfillingDealer {
  dealerId: string;
  name: string;
  /** Registration states this dealer fulfils. */
  states: readonly string[];
  isDefault: boolean;
}

export type Route =
  | { kind: "native"; reason: "no_vehicles" | "state_not_supported" | "no_dealer"; message: string }
  | { kind: "hosted"; dealer: FulfillingDealer; message: string };

/**
 * The dealer for a registration state: the first dealer (in the order given) that lists the
 * state; otherwise the OEM's default dealer; otherwise, with no default, none. Deterministic: the
 * same cart always goes to the same dealer.
 */
export function pickDealer<D extends FulfillingDealer>(
  dealers: readonly D[],
  registrationState: string | null | undefined,
): D | null {
  if (registrationState) {
    const serving = dealers.find((d) => d.states.includes(registrationState));
    if (serving) return serving;
  }
  return dealers.find((d) => d.isDefault) ?? null;
}

export function routeCart(input: {
  vehicleCount: number;
  registrationState: string | null | undefined;
  hostedStates: ReadonlySet<string>;
  dealers: readonly FulfillingDealer[];
}): Route {
  if (input.vehicleCount === 0) {
    return {
      kind: "native",
      reason: "no_vehicles",
      message: "The cart has no vehicles, so the buyer checks out on the OEM's own checkout page.",
    };
  }
  const state = input.registrationState;
  if (state && !input.hostedStates.has(state)) {
    return {
      kind: "native",
      reason: "state_not_supported",
      message: `Hosted checkout is not available for vehicles registered in ${state}, so the buyer checks out on the OEM's own checkout page.`,
    };
  }
  const dealer = pickDealer(input.dealers, state);
  if (!dealer) {
    return {
      kind: "native",
      reason: "no_dealer",
      message: `No dealer fulfils ${state ? `orders registered in ${state}` : "this OEM's orders"} yet, so the buyer checks out on the OEM's own checkout page.`,
    };
  }
  const vehicles = input.vehicleCount === 1 ? "1 vehicle" : `${input.vehicleCount} vehicles`;
  return {
    kind: "hosted",
    dealer,
    message: `Hosted checkout for ${vehicles}${state ? ` registered in ${state}` : ""}, fulfilled by ${dealer.name}.`,
  };
}

/**
 * Who fulfils an order placed from a hosted cart. A pick-up order: the dealer the buyer picks
 * the vehicle up at (the checkout offers every one of the OEM's dealers). A shipped order: the
 * dealer serving the registration state, else the default, by the same rule that routed the
 * cart. Null when none of the OEM's current dealers fits (the caller keeps the cart's dealer).
 */
export function fulfillingDealerFor<D extends FulfillingDealer>(
  dealers: readonly D[],
  delivery: { method: "PICK_UP" | "SHIP"; pickUpDealerId?: string },
  registrationState: string | null | undefined,
): D | null {
  if (delivery.method === "PICK_UP")
    return dealers.find((d) => d.dealerId === delivery.pickUpDealerId) ?? null;
  return pickDealer(dealers, registrationState);
}
