import { describe, expect, it } from "vitest";
import { costOptimalStrategy, shopifyDefaultStrategy, closestStrategy } from "../strategy";
import { costOf, location, order, shippedFrom, unitsByLocation } from "../test-support";

// Locations on the equator, destination at (0, 0): lon x° is x · 111.19508 km away.
// Cost model: 10 per shipment + 0.1 per km  →  w(lon 0.5) = 10 + 5.5598 = 15.5598
//                                              w(lon 1)   = 10 + 11.1195 = 21.1195
//                                              w(lon 2)   = 10 + 22.2390 = 32.2390
//                                              w(lon 3)   = 10 + 33.3585 = 43.3585
const model = { perShipment: 10, perKm: 0.1, unfilledPenalty: 100 };

describe("cost-optimal rule", () => {
  it("prefers one farther shipment to two nearer ones when it is cheaper", () => {
    // A×2, B×1.  {W2} = 32.2390;  {W1, W3} = 21.1195 + 15.5598 = 36.6793  →  W2.
    const input = order([["A", 2], ["B", 1]], [
      location("W1", { lon: 1, stock: { A: 2 } }),
      location("W2", { lon: 2, stock: { A: 2, B: 1 } }),
      location("W3", { lon: 0.5, stock: { B: 1 } }),
    ]);
    const plan = costOptimalStrategy(model).route(input);
    expect(shippedFrom(plan)).toEqual(["W2"]);
    expect(costOf(plan, input, model)).toBeCloseTo(32.239, 3);
    expect(plan.scores[0]).toMatchObject({ rule: "cost-optimal" });
    expect(plan.scores[0]?.value).toBeCloseTo(32.239, 3);
    expect(plan.search.exhaustive).toBe(true);
    // The closest strategy minimises km instead: 55.6 + 111.2 = 166.8 km < 222.4 km.
    expect(shippedFrom(closestStrategy().route(input))).toEqual(["W1", "W3"]);
  });

  it("splits a line across locations when that is cheaper, and not when splitting is off", () => {
    // A×3.  {W1 (2), W3 (1)} = 21.1195 + 15.5598 = 36.6793  <  {W4 (3)} = 43.3585.
    const input = order([["A", 3]], [
      location("W1", { lon: 1, stock: { A: 2 } }),
      location("W3", { lon: 0.5, stock: { A: 1 } }),
      location("W4", { lon: 3, stock: { A: 3 } }),
    ]);
    const split = costOptimalStrategy(model).route(input);
    expect(unitsByLocation(split)).toEqual({ W1: 2, W3: 1 });
    expect(costOf(split, input, model)).toBeCloseTo(36.6793, 3);
    // Without splitting only W4 can take the whole line: 43.3585 (< 3 · 100 unfilled).
    const whole = costOptimalStrategy(model, { allowSplitLines: false }).route(input);
    expect(unitsByLocation(whole)).toEqual({ W4: 3 });
  });

  it("leaves a unit unfilled when shipping it costs more than the penalty", () => {
    // C×1 only at W2: shipping costs 32.2390; a penalty of 20 is cheaper, one of 40 is not.
    const input = order([["C", 1]], [location("W2", { lon: 2, stock: { C: 1 } })]);
    const cheapPenalty = costOptimalStrategy({ ...model, unfilledPenalty: 20 }).route(input);
    expect(cheapPenalty.assignments).toEqual([]);
    expect(cheapPenalty.unassigned).toEqual([
      { lineId: "line-1", sku: "C", quantity: 1, reason: expect.stringContaining("Cheaper to leave unfilled") },
    ]);
    expect(cheapPenalty.scores[0]?.value).toBe(20);
    const dearPenalty = costOptimalStrategy({ ...model, unfilledPenalty: 40 }).route(input);
    expect(unitsByLocation(dearPenalty)).toEqual({ W2: 1 });
    // Shopify's default ships whatever it can, whatever the penalty.
    expect(unitsByLocation(shopifyDefaultStrategy().route(input))).toEqual({ W2: 1 });
  });

  it("reports each location's shipment cost as its score", () => {
    const input = order([["A", 1]], [location("W1", { lon: 1, stock: { A: 1 } }), location("W2", { lon: 2, stock: { A: 1 } })]);
    const plan = costOptimalStrategy(model).route(input);
    const w2 = plan.locations.find((l) => l.locationId === "W2");
    expect(w2?.scores["cost-optimal"]).toBeCloseTo(32.239, 3);
    expect(w2?.status).toBe("not-chosen");
    expect(w2?.reasons.join(" ")).toContain("Lowest cost 32.24 against 21.12");
  });
});
