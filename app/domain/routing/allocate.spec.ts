import { describe, expect, it } from "vitest";
import { allocate, packLines } from "./allocate";
import { location } from "./test-support";

describe("packLines", () => {
  it("packs whole lines to fill the most units: [3, 2, 2] into stocks [4, 3] places all 7", () => {
    // Largest-first greedy would put 3 into the 4 (1 left), 2 into the 3 (1 left) and strand a 2: 5 units.
    // Exact: 2 + 2 into the 4, 3 into the 3.
    expect(packLines([3, 2, 2], [4, 3])).toEqual([1, 0, 0]);
  });

  it("leaves out the line that cannot fit (−1) and prefers the earlier location on ties", () => {
    expect(packLines([5, 1], [2, 2])).toEqual([-1, 0]);
  });
});

describe("allocate", () => {
  const candidate = (id: string, km: number, stock: Record<string, number>) => ({
    location: location(id, { stock }),
    km,
    cap: new Float64Array(0),
    coverage: 0,
    available: new Map(Object.entries(stock)),
  });
  const lines = [
    { id: "l1", sku: "A", quantity: 2 },
    { id: "l2", sku: "A", quantity: 3 },
  ];

  it("with split lines takes each sku from the closest location first", () => {
    // A: 5 wanted; near has 4, far has 4 → near 2 (l1) + 2 (l2), far 1 (l2).
    const result = allocate(lines, [candidate("far", 20, { A: 4 }), candidate("near", 10, { A: 4 })], true);
    expect(result.assignments).toEqual([
      { locationId: "near", lineId: "l1", sku: "A", quantity: 2 },
      { locationId: "near", lineId: "l2", sku: "A", quantity: 2 },
      { locationId: "far", lineId: "l2", sku: "A", quantity: 1 },
    ]);
    expect(result.unfilled).toBe(0);
  });

  it("without splitting each line goes whole to one location", () => {
    // near 4 takes l2 (3) — then l1 (2) cannot fit in near's 1 left, and far has 1 → l1 unfilled.
    const result = allocate(lines, [candidate("near", 10, { A: 4 }), candidate("far", 20, { A: 1 })], false);
    expect(result.assignments).toEqual([{ locationId: "near", lineId: "l2", sku: "A", quantity: 3 }]);
    expect(result.unfilledByLine.get("l1")).toBe(2);
  });
});
