import { describe, expect, it } from "vitest";
import { compareScores } from "./search";
import { costOptimalStrategy } from "./strategy";
import { costOf, location, order } from "./test-support";

describe("compareScores", () => {
  it("compares lexicographically with a relative tolerance", () => {
    expect(compareScores([1, 5], [1, 6])).toBe(-1);
    expect(compareScores([2, 0], [1, 9])).toBe(1);
    expect(compareScores([100, 3], [100 + 1e-12, 3])).toBe(0);
  });
});

describe("search limits", () => {
  // 12 locations each holding one of 12 skus, plus one holding all: many subsets to consider.
  const skus = Array.from({ length: 12 }, (_, i) => `S${i}`);
  const input = order(
    skus.map((s) => [s, 1] as [string, number]),
    [
      ...skus.map((s, i) => location(`L${i}`, { lon: 0.1 * (i + 1), stock: { [s]: 1 } })),
      location("all", { lon: 2, stock: Object.fromEntries(skus.map((s) => [s, 1])) }),
    ],
  );
  const model = { perShipment: 5, perKm: 0.01, unfilledPenalty: 100 };

  it("solves exhaustively within the default limits: one shipment from 'all' (5 + 2.22 = 7.22)", () => {
    const plan = costOptimalStrategy(model).route(input);
    expect(plan.search.exhaustive).toBe(true);
    expect(costOf(plan, input, model)).toBeCloseTo(5 + 0.01 * 2 * 111.19508, 4);
  });

  it("returns the best plan found, flagged non-exhaustive, when the node budget runs out", () => {
    const plan = costOptimalStrategy(model, { search: { maxNodes: 3 } }).route(input);
    expect(plan.search).toEqual({ nodes: 3, exhaustive: false });
    // Still a valid plan: it never assigns more than ordered.
    expect(plan.assignments.reduce((n, a) => n + a.quantity, 0)).toBeLessThanOrEqual(12);
  });

  it("stops at the wall-clock budget with an injected clock", () => {
    let t = 0;
    const plan = costOptimalStrategy(model, { search: { timeBudgetMs: 10 }, now: () => (t += 100) }).route(input);
    // Deadline = 100 + 10; the clock is read at the first node (200 > 110) and every 256 nodes.
    expect(plan.search.exhaustive).toBe(false);
  });
});
