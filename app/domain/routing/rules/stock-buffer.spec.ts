import { describe, expect, it } from "vitest";
import { shopifyDefaultStrategy } from "../strategy";
import { location, order, unitsByLocation } from "../test-support";
import { stockBufferRule } from "./stock-buffer";

describe("stock-buffer rule", () => {
  // A×2; L1 (111 km) has 3, L2 (222 km) has 4.
  const input = order([["A", 2]], [location("L1", { lon: 1, stock: { A: 3 } }), location("L2", { lon: 2, stock: { A: 4 } })]);

  it("without a buffer the closest location ships both units", () => {
    expect(unitsByLocation(shopifyDefaultStrategy().route(input))).toEqual({ L1: 2 });
  });

  it("keeping 2 back leaves L1 only 3 − 2 = 1 unit, so L2 (4 − 2 = 2) ships alone", () => {
    const plan = shopifyDefaultStrategy({ filters: [{ type: "stock-buffer", units: 2 }] }).route(input);
    expect(unitsByLocation(plan)).toEqual({ L2: 2 });
    expect(plan.locations.find((l) => l.locationId === "L1")?.reasons).toContain("Keeps 2 units of each item back");
  });

  it("a per-location override of 3 at L2 (4 − 3 = 1) forces a split: 1 + 1", () => {
    const plan = shopifyDefaultStrategy({ filters: [{ type: "stock-buffer", units: 2, perLocation: { L2: 3 } }] }).route(input);
    expect(unitsByLocation(plan)).toEqual({ L1: 1, L2: 1 });
  });

  it("reads the location's own buffer when the rule has no override for it", () => {
    const rule = stockBufferRule({ type: "stock-buffer", units: 1, perLocation: { X: 5 } });
    expect(rule.evaluate(location("X", { stockBuffer: 2 }), input).keepBack).toBe(5);
    expect(rule.evaluate(location("Y", { stockBuffer: 2 }), input).keepBack).toBe(2);
    expect(rule.evaluate(location("Z"), input).keepBack).toBe(1);
    expect(stockBufferRule({ type: "stock-buffer", units: 0, perLocation: {} }).evaluate(location("Z"), input)).toEqual({});
  });

  it("falls back to the shop's default when the rule names no units of its own", () => {
    const withDefault = { ...input, defaultStockBuffer: 3 };
    expect(stockBufferRule({ type: "stock-buffer", units: 0, perLocation: {} }).evaluate(location("Z"), withDefault).keepBack).toBe(3);
    expect(stockBufferRule({ type: "stock-buffer", units: 1, perLocation: {} }).evaluate(location("Z"), withDefault).keepBack).toBe(1);
    expect(stockBufferRule({ type: "stock-buffer", units: 1, perLocation: {} }).evaluate(location("Y", { stockBuffer: 0 }), withDefault)).toEqual({});
  });

  it("never ships into the buffer: 3 units wanted, 1 + 2 available, 1 unfilled", () => {
    const plan = shopifyDefaultStrategy({ filters: [{ type: "stock-buffer", units: 2 }] }).route(
      order([["A", 4]], input.locations.slice()),
    );
    expect(unitsByLocation(plan)).toEqual({ L1: 1, L2: 2 });
    expect(plan.unassigned).toEqual([{ lineId: "line-1", sku: "A", quantity: 1, reason: "Only 3 × A available at eligible locations" }]);
  });
});
