import { describe, expect, it } from "vitest";
import { type FulfillingDealer, fulfillingDealerFor, pickDealer, routeCart } from "./routing";

const riverside: FulfillingDealer = {
  dealerId: "r",
  name: "Riverside Motors",
  states: ["VA", "MD"],
  isDefault: true,
};
const bayview: FulfillingDealer = {
  dealerId: "b",
  name: "Bayview Auto Group",
  states: ["CA"],
  isDefault: false,
};
const dealers = [riverside, bayview];
const hostedStates = new Set(["VA", "MD", "CA", "NC"]);

describe("routeCart", () => {
  it("sends a cart without vehicles to the OEM's checkout", () => {
    const r = routeCart({ vehicleCount: 0, registrationState: "VA", hostedStates, dealers });
    expect(r).toMatchObject({ kind: "native", reason: "no_vehicles" });
    expect(r.message).toMatch(/no vehicles/);
  });

  it("sends a state where hosted checkout is off to the OEM's checkout, naming the state", () => {
    const r = routeCart({ vehicleCount: 1, registrationState: "TX", hostedStates, dealers });
    expect(r).toMatchObject({ kind: "native", reason: "state_not_supported" });
    expect(r.message).toMatch(/registered in TX/);
  });

  it("hosts the checkout in a state that is on, with the dealer serving that state", () => {
    const r = routeCart({ vehicleCount: 2, registrationState: "CA", hostedStates, dealers });
    expect(r.kind).toBe("hosted");
    expect(r.kind === "hosted" && r.dealer.dealerId).toBe("b");
    expect(r.message).toBe(
      "Hosted checkout for 2 vehicles registered in CA, fulfilled by Bayview Auto Group.",
    );
  });

  it("hosts a cart without a registration state (it is optional) with the default dealer", () => {
    const r = routeCart({ vehicleCount: 1, registrationState: undefined, hostedStates, dealers });
    expect(r.kind === "hosted" && r.dealer.dealerId).toBe("r");
  });

  it("goes native when no dealer fulfils the state and there is no default", () => {
    const r = routeCart({ vehicleCount: 1, registrationState: "NC", hostedStates, dealers: [bayview] });
    expect(r).toMatchObject({ kind: "native", reason: "no_dealer" });
  });
});

describe("pickDealer", () => {
  it("prefers the dealer listing the state, then the default, deterministically", () => {
    expect(pickDealer(dealers, "MD")?.dealerId).toBe("r");
    expect(pickDealer(dealers, "CA")?.dealerId).toBe("b");
    expect(pickDealer(dealers, "NC")?.dealerId).toBe("r");
    expect(pickDealer([bayview], "NC")).toBeNull();
    // Two dealers listing the same state: the first in the OEM's order wins.
    const other = { ...bayview, dealerId: "o", states: ["CA"] };
    expect(pickDealer([bayview, other], "CA")?.dealerId).toBe("b");
  });
});

describe("fulfillingDealerFor", () => {
  it("gives a pick-up order to the dealer the buyer picks it up at", () => {
    expect(fulfillingDealerFor(dealers, { method: "PICK_UP", pickUpDealerId: "b" }, "VA")).toBe(bayview);
    expect(fulfillingDealerFor(dealers, { method: "PICK_UP", pickUpDealerId: "gone" }, "VA")).toBeNull();
  });

  it("gives a shipped order to the dealer serving the registration state, else the default", () => {
    expect(fulfillingDealerFor(dealers, { method: "SHIP" }, "CA")).toBe(bayview);
    expect(fulfillingDealerFor(dealers, { method: "SHIP" }, "NC")).toBe(riverside);
    expect(fulfillingDealerFor([bayview], { method: "SHIP" }, "NC")).toBeNull();
  });
});
