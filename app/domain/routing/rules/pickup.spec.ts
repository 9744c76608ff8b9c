import { describe, expect, it } from "vitest";
import { costOptimalStrategy, shopifyDefaultStrategy } from "../strategy";
import { location, order, unitsByLocation } from "../test-support";

describe("pickup", () => {
  const model = { perShipment: 10, perKm: 0.1, unfilledPenalty: 100 };
  const locations = [
    location("near", { lon: 0.1, stock: { A: 5, B: 5 } }),
    location("store", { kind: "store", lon: 3, pickupEnabled: true, stock: { A: 2, B: 1 } }),
  ];

  it("sends every unit to the shopper's store, even when another location is closer and cheaper", () => {
    const input = order([["A", 2], ["B", 1]], locations, { pickupLocationId: "store" });
    for (const strategy of [costOptimalStrategy(model), shopifyDefaultStrategy()]) {
      const plan = strategy.route(input);
      expect(plan.mode).toBe("pickup");
      expect(unitsByLocation(plan)).toEqual({ store: 3 });
      expect(plan.locations.find((l) => l.locationId === "near")).toMatchObject({ status: "excluded" });
    }
  });

  it("is all-or-nothing: 3 × A wanted, 2 in the store → nothing assigned, all 4 units unfilled", () => {
    const plan = costOptimalStrategy(model).route(order([["A", 3], ["B", 1]], locations, { pickupLocationId: "store" }));
    expect(plan.assignments).toEqual([]);
    expect(plan.unassigned.map((u) => u.quantity)).toEqual([3, 1]);
    expect(plan.unassigned[0]?.reason).toBe("Pickup refused: Location store has 2 of the 3 × A needed for pickup");
  });

  it("respects the stock buffer and daily capacity but not shipping exclusions", () => {
    const input = order([["A", 1]], locations, { pickupLocationId: "store" });
    const buffered = shopifyDefaultStrategy({ filters: [{ type: "stock-buffer", units: 2 }] }).route(input);
    expect(buffered.assignments).toEqual([]);
    const full = shopifyDefaultStrategy({ filters: [{ type: "daily-capacity", perLocation: { store: 0 } }] }).route(input);
    expect(full.unassigned[0]?.reason).toContain("At daily capacity (0/0 orders today)");
    const noStores = shopifyDefaultStrategy({ filters: [{ type: "exclude-locations", kinds: ["store"] }] }).route(input);
    expect(unitsByLocation(noStores)).toEqual({ store: 1 });
  });

  it("refuses a location without pickup, or unknown", () => {
    const notOffered = shopifyDefaultStrategy().route(order([["A", 1]], locations, { pickupLocationId: "near" }));
    expect(notOffered.unassigned[0]?.reason).toBe("Pickup refused: Location near does not offer local pickup");
    const unknown = shopifyDefaultStrategy().route(order([["A", 1]], locations, { pickupLocationId: "nowhere" }));
    expect(unknown.assignments).toEqual([]);
  });
});
