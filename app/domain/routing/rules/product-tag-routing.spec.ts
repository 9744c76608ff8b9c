import { describe, expect, it } from "vitest";
import { shopifyDefaultStrategy } from "../strategy";
import { location, order, unitsByLocation } from "../test-support";

describe("product-tag-routing rule", () => {
  // A sofa (bulky) and a mug. The store next door has both; the warehouse 333 km away has the sofa.
  const input = order([["SOFA", 1, ["bulky"]], ["MUG", 1]], [
    location("store", { kind: "store", lon: 0.1, stock: { SOFA: 1, MUG: 1 } }),
    location("warehouse", { kind: "warehouse", lon: 3, stock: { SOFA: 1 } }),
  ]);
  const bulkyFromWarehouses = { type: "product-tag-routing" as const, productTags: ["bulky"], onlyFromKinds: ["warehouse" as const] };

  it("ships bulky products only from warehouses; the store still ships the mug", () => {
    const plan = shopifyDefaultStrategy({ filters: [bulkyFromWarehouses] }).route(input);
    expect(plan.assignments).toEqual([
      { locationId: "warehouse", lineId: "line-1", sku: "SOFA", quantity: 1 },
      { locationId: "store", lineId: "line-2", sku: "MUG", quantity: 1 },
    ]);
    const store = plan.locations.find((l) => l.locationId === "store");
    expect(store?.reasons).toContain("SOFA is bulky: ships only from warehouses");
  });

  it("without the rule the store ships everything in one shipment", () => {
    expect(unitsByLocation(shopifyDefaultStrategy().route(input))).toEqual({ store: 2 });
  });

  it("matches product types and location tags too", () => {
    const plan = shopifyDefaultStrategy({
      filters: [{ type: "product-tag-routing", productTypes: ["Furniture"], onlyFromLocationTags: ["freight"] }],
    }).route({
      ...input,
      lines: [{ id: "line-1", sku: "SOFA", quantity: 1, productType: "Furniture" }],
      locations: [input.locations[0]!, { ...input.locations[1]!, tags: ["freight"] }],
    });
    expect(unitsByLocation(plan)).toEqual({ warehouse: 1 });
  });

  it("leaves a bulky line unfilled when no allowed location has it", () => {
    const plan = shopifyDefaultStrategy({ filters: [bulkyFromWarehouses] }).route({ ...input, locations: [input.locations[0]!] });
    expect(plan.unassigned).toEqual([{ lineId: "line-1", sku: "SOFA", quantity: 1, reason: "No eligible location has SOFA in stock" }]);
    expect(unitsByLocation(plan)).toEqual({ store: 1 });
  });
});
