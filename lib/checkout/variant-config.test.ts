import { describe, expect, it } from "vitest";
import {
  allConfigurations,
  configCollision,
  productIdCandidates,
  resolveVariantConfig,
  variantConfigId,
  variantKey,
} from "./variant-config";

const product = (productId: string, names: string[]) => ({
  productId,
  accessories: names.map((name) => ({ name })),
});

describe("variantConfigId rule", () => {
  it("strips symbols and spaces, sorts alphabetically, joins with '-' after the product id", () => {
    expect(variantKey("All-Weather Floor Mats!")).toBe("AllWeatherFloorMats");
    expect(variantKey("Roof Rack (Black)")).toBe("RoofRackBlack");
    expect(variantConfigId("ProductID", ["Accessory B", "Accessory-A"])).toBe(
      "ProductID-AccessoryA-AccessoryB",
    );
    expect(variantConfigId("ELAN", ["Roof Rack", "All-Weather Floor Mats"])).toBe(
      "ELAN-AllWeatherFloorMats-RoofRack",
    );
  });

  it("is the product id alone without accessories", () => {
    expect(variantConfigId("VOLT", [])).toBe("VOLT");
  });

  it("lists the product ids a config id could start with", () => {
    expect(productIdCandidates("TERRA-X-BedLiner")).toEqual(["TERRA-X-BedLiner", "TERRA", "TERRA-X"]);
  });

  it("resolves known configurations, including product ids that contain '-'", () => {
    const byId = new Map([
      ["ELAN", product("ELAN", ["Roof Rack", "All-Weather Floor Mats"])],
      ["TERRA-X", product("TERRA-X", ["Bed Liner", "Tonneau Cover"])],
    ]);
    const elan = resolveVariantConfig("ELAN-AllWeatherFloorMats-RoofRack", byId);
    expect(elan.ok && elan.accessories.map((a) => a.name)).toEqual(["All-Weather Floor Mats", "Roof Rack"]);
    const terra = resolveVariantConfig("TERRA-X-BedLiner", byId);
    expect(terra.ok && terra.product.productId).toBe("TERRA-X");
    expect(resolveVariantConfig("ELAN", byId).ok).toBe(true);
  });

  it("refuses unknown products, unknown accessories, unsorted or repeated accessories", () => {
    const byId = new Map([["ELAN", product("ELAN", ["Roof Rack", "Premium Sound"])]]);
    const bad = (id: string) => {
      const r = resolveVariantConfig(id, byId);
      return r.ok ? null : r.reason;
    };
    expect(bad("NOPE")).toMatch(/no such product/);
    expect(bad("ELAN-Spoiler")).toMatch(/no accessory Spoiler/);
    expect(bad("ELAN-RoofRack-PremiumSound")).toMatch(
      /canonical form: expected "ELAN-PremiumSound-RoofRack"/,
    );
    expect(bad("ELAN-RoofRack-RoofRack")).toMatch(/canonical/);
    expect(bad("elan")).toMatch(/no such product/);
  });

  it("enumerates every configuration: base first, then by number of accessories", () => {
    const configs = allConfigurations("VOLT", [{ name: "Winter Package" }, { name: "Home Charger" }]);
    expect(configs.map((c) => c.variantConfigId)).toEqual([
      "VOLT",
      "VOLT-HomeCharger",
      "VOLT-WinterPackage",
      "VOLT-HomeCharger-WinterPackage",
    ]);
  });
});

describe("configCollision", () => {
  it("finds a product id that equals another product's configuration", () => {
    const clash = configCollision([product("X", ["Red"]), product("X-Red", [])], "X-Red");
    expect(clash).toEqual({ variantConfigId: "X-Red", configurations: ["X-Red", "X with Red"] });
  });

  it("finds a clash either way round: adding the product or adding the accessory", () => {
    const list = [product("X", ["Sun", "Red"]), product("X-Red", ["Sun"])];
    expect(configCollision(list, "X")).toMatchObject({ configurations: ["X with Red", "X-Red"] });
    expect(configCollision(list, "X-Red")?.variantConfigId).toBe("X-Red");
  });

  it("is null when every id names one configuration, and ignores clashes of other products", () => {
    expect(configCollision([product("X", ["Red"]), product("X-Blue", ["Red"])], "X")).toBeNull();
    const old = [product("A", ["B"]), product("A-B", []), product("Z", ["Mats"])];
    expect(configCollision(old, "Z")).toBeNull();
  });
});
