import { describe, expect, it } from "vitest";
import { sellableUnits, stockStatus } from "./status";

describe("sellableUnits", () => {
  it("subtracts the buffer and never goes below zero", () => {
    expect(sellableUnits(10, 0)).toBe(10);
    expect(sellableUnits(10, 3)).toBe(7);
    expect(sellableUnits(2, 3)).toBe(0);
    expect(sellableUnits(-4, 0)).toBe(0);
  });

  it("ignores a negative buffer", () => {
    expect(sellableUnits(5, -2)).toBe(5);
  });
});

describe("stockStatus", () => {
  const policy = { buffer: 2, lowStockThreshold: 3 };

  it.each([
    [0, "out_of_stock"],
    [2, "out_of_stock"], // all held back by the buffer
    [3, "low_stock"], // 1 sellable
    [5, "low_stock"], // 3 sellable = the threshold: still low
    [6, "in_stock"], // 4 sellable
    [-1, "out_of_stock"], // oversold
  ] as const)("available %i with buffer 2, threshold 3 → %s", (available, expected) => {
    expect(stockStatus(available, policy)).toBe(expected);
  });

  it("never reports low stock with a zero threshold", () => {
    expect(stockStatus(1, { buffer: 0, lowStockThreshold: 0 })).toBe("in_stock");
    expect(stockStatus(0, { buffer: 0, lowStockThreshold: 0 })).toBe("out_of_stock");
  });
});
