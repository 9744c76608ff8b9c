import { describe, expect, it } from "vitest";
import { ruleBasedStrategy, shopifyDefaultStrategy } from "../strategy";
import { location, order, shippedFrom } from "../test-support";

describe("fewest-shipments rule", () => {
  // A×1, B×1: two near locations each hold one sku (11.1 km and 22.2 km away), a far one both (556 km).
  const locations = [
    location("near-A", { lon: 0.1, stock: { A: 1 } }),
    location("near-B", { lon: 0.2, stock: { B: 1 } }),
    location("far", { lon: 5, stock: { A: 1, B: 1 } }),
  ];

  it("ships from one location rather than two, however far", () => {
    const plan = ruleBasedStrategy({ rules: [{ type: "fewest-shipments" }] }).route(order([["A", 1], ["B", 1]], locations));
    expect(shippedFrom(plan)).toEqual(["far"]);
    expect(plan.shipments).toBe(1);
  });

  it("passes ties to the next rule (closest): two one-shipment plans 556 km and 334 km away", () => {
    const plan = shopifyDefaultStrategy().route(
      order([["A", 1], ["B", 1]], [...locations, location("middle", { lon: 3, stock: { A: 1, B: 1 } })]),
    );
    expect(shippedFrom(plan)).toEqual(["middle"]);
  });

  it("still fills as much as it can before counting shipments", () => {
    // Only near-A has A and only near-B has B once far is out of stock: two shipments beat one.
    const plan = shopifyDefaultStrategy().route(
      order([["A", 1], ["B", 1]], [locations[0]!, locations[1]!, location("far", { lon: 5, stock: { A: 1 } })]),
    );
    expect(shippedFrom(plan)).toEqual(["near-A", "near-B"]);
    expect(plan.unassigned).toEqual([]);
  });
});
