import { describe, expect, it } from "vitest";
import { ruleBasedStrategy } from "../strategy";
import { location, order, shippedFrom } from "../test-support";

describe("location-priority rule", () => {
  // Ranked list L3, L1, L2 (weights 2^0 = 1, 2^1 = 2, 2^2 = 4).
  const ranking = { type: "location-priority" as const, locationIds: ["L3", "L1", "L2"] };

  it("ships from the highest-ranked location that has the stock, not the closest", () => {
    const plan = ruleBasedStrategy({ rules: [ranking] }).route(
      order([["A", 1]], [
        location("L1", { lon: 0.1, stock: { A: 1 } }),
        location("L2", { lon: 0.2, stock: { A: 1 } }),
        location("L3", { lon: 9, stock: { A: 1 } }),
      ]),
    );
    expect(shippedFrom(plan)).toEqual(["L3"]);
    expect(plan.locations.find((l) => l.locationId === "L2")?.scores["location-priority"]).toBe(3);
  });

  it("prefers {1st, 2nd} (1 + 2 = 3) to {3rd} (4), unless fewest shipments comes first", () => {
    const locations = [
      location("L3", { stock: { A: 1 } }),
      location("L1", { stock: { B: 1 } }),
      location("L2", { stock: { A: 1, B: 1 } }),
    ];
    const input = order([["A", 1], ["B", 1]], locations);
    expect(shippedFrom(ruleBasedStrategy({ rules: [ranking] }).route(input))).toEqual(["L1", "L3"]);
    expect(shippedFrom(ruleBasedStrategy({ rules: [{ type: "fewest-shipments" }, ranking] }).route(input))).toEqual(["L2"]);
  });

  it("uses each location's own priority when no list is configured; unranked ones come last", () => {
    const plan = ruleBasedStrategy({ rules: [{ type: "location-priority" }] }).route(
      order([["A", 1]], [
        location("unranked", { lon: 0.1, stock: { A: 1 } }),
        location("second", { lon: 0.3, priority: 2, stock: { A: 1 } }),
        location("first", { lon: 0.9, priority: 1, stock: { A: 0 } }),
      ]),
    );
    expect(shippedFrom(plan)).toEqual(["second"]);
  });
});
