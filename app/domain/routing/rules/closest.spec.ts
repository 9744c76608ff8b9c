import { describe, expect, it } from "vitest";
import { closestStrategy } from "../strategy";
import { KM_PER_DEGREE, location, order, shippedFrom } from "../test-support";
import { closestRule } from "./closest";

describe("closest rule", () => {
  it("minimises the total distance of the shipping locations", () => {
    // {near-A, near-B} = 0.1° + 0.2° = 33.4 km  <  {far} = 5° = 556 km.
    const plan = closestStrategy().route(
      order([["A", 1], ["B", 1]], [
        location("near-A", { lon: 0.1, stock: { A: 1 } }),
        location("near-B", { lon: 0.2, stock: { B: 1 } }),
        location("far", { lon: 5, stock: { A: 1, B: 1 } }),
      ]),
    );
    expect(shippedFrom(plan)).toEqual(["near-A", "near-B"]);
    const scoreKm = plan.scores.find((s) => s.rule === "closest")?.value ?? 0;
    expect(scoreKm).toBeCloseTo(0.3 * KM_PER_DEGREE, 4);
  });

  it("scores and bounds plans by summed km", () => {
    const rule = closestRule();
    const candidates = [1, 2, 4].map((lon) => ({
      location: location(`L${lon}`, { lon }),
      km: lon * KM_PER_DEGREE,
      cap: new Float64Array([1]),
      coverage: 1,
      available: new Map([["A", 1]]),
    }));
    const objective = rule.objective({
      destination: { lat: 0, lon: 0 },
      items: [{ sku: "A", demand: 1, lineIds: ["l"] }],
      demand: new Float64Array([1]),
      totalUnits: 1,
      candidates,
      allowSplitLines: true,
    });
    // {L1, L4} = 5° ; a superset of {L1} adding one of {L2, L4} is at least 1° + 2° = 3°.
    expect(objective.score({ chosen: [0, 2], unfilled: 0 })).toBeCloseTo(5 * KM_PER_DEGREE, 6);
    expect(
      objective.lowerBound({ chosen: [0], unfilled: 1, residual: new Float64Array([1]), remaining: [1, 2], unfilledWithAllRemaining: 0 }),
    ).toBeCloseTo(3 * KM_PER_DEGREE, 6);
  });
});
