import { describe, expect, it } from "vitest";
import { dailyRouting, locationLoad, routingFigures, type LocationInfo } from "./routing";

describe("routingFigures", () => {
  it("gives parcels and km per order and the store shares, beside the previous period", () => {
    const figures = routingFigures(
      { orders: 10, parcels: 13, km: 5000, units: 20, storeOrders: 4, storeUnits: 5 },
      { orders: 5, parcels: 5, km: 3000, units: 10, storeOrders: 0, storeUnits: 0 },
    );
    expect(figures.orders).toMatchObject({ current: 10, previous: 5, change: 5, relativeChange: 1 });
    expect(figures.parcelsPerOrder.current).toBeCloseTo(1.3);
    expect(figures.parcelsPerOrder.previous).toBe(1);
    expect(figures.kmPerOrder.current).toBe(500);
    expect(figures.kmPerOrder.relativeChange).toBeCloseTo(-100 / 600);
    expect(figures.storeOrderShare.current).toBe(0.4);
    expect(figures.storeUnitShare).toMatchObject({ current: 0.25, previous: 0 });
  });

  it("has no per-order figures without orders", () => {
    const none = { orders: 0, parcels: 0, km: 0, units: 0, storeOrders: 0, storeUnits: 0 };
    const figures = routingFigures(none, none);
    expect(figures.parcelsPerOrder.current).toBeNull();
    expect(figures.orders.current).toBe(0);
  });
});

describe("dailyRouting", () => {
  it("has a point for every day, zero where nothing was routed", () => {
    const points = dailyRouting(
      [
        { day: "2026-11-02", orders: 2, parcels: 3, km: 100 },
        { day: "2026-10-01", orders: 9, parcels: 9, km: 9 },
      ],
      ["2026-11-01", "2026-11-02", "2026-11-03"],
    );
    expect(points.map((p) => p.orders)).toEqual([0, 2, 0]);
    expect(points[1]!.parcelsPerOrder).toBe(1.5);
    expect(points[0]!.kmPerOrder).toBeNull();
  });
});

describe("locationLoad", () => {
  const days = ["2026-11-01", "2026-11-02"];
  const locations: LocationInfo[] = [
    { id: "L1", name: "Edison", kind: "WAREHOUSE", dailyCapacity: 2 },
    { id: "L2", name: "SoHo store", kind: "STORE", dailyCapacity: null },
    { id: "L3", name: "Reno", kind: "WAREHOUSE", dailyCapacity: null },
    { id: "L4", name: "Austin", kind: "WAREHOUSE", dailyCapacity: null },
  ];

  it("sums orders and units per location and day, with shares, peaks and days over capacity", () => {
    const report = locationLoad(
      [
        { locationId: "L1", day: "2026-11-01", orders: 3, units: 5 },
        { locationId: "L1", day: "2026-11-02", orders: 1, units: 1 },
        { locationId: "L2", day: "2026-11-02", orders: 2, units: 2 },
        { locationId: "L2", day: "2026-10-30", orders: 7, units: 7 },
        { locationId: "gone", day: "2026-11-01", orders: 2, units: 4 },
      ],
      locations,
      days,
    );
    expect(report.locations.map((l) => [l.name, l.orders, l.units])).toEqual([
      ["Edison", 4, 6],
      ["Removed location", 2, 4],
      ["SoHo store", 2, 2],
    ]);
    const edison = report.locations[0]!;
    expect(edison.share).toBe(0.5);
    expect(edison.ordersPerDay).toBe(2);
    expect(edison).toMatchObject({ peakDay: "2026-11-01", peakOrders: 3, daysOverCapacity: 1, daily: [3, 1], dailyUnits: [5, 1] });
    expect(report.locations[2]!.kind).toBe("STORE");
    expect(report.series.map((s) => [s.label, s.values])).toEqual([
      ["Edison", [3, 1]],
      ["Removed location", [2, 0]],
      ["SoHo store", [0, 2]],
    ]);
  });

  it("keeps the busiest locations as series and groups the rest", () => {
    const rows = locations.map((l, i) => ({ locationId: l.id, day: "2026-11-01", orders: 10 - i, units: 10 - i }));
    const report = locationLoad(rows, locations, days, 3);
    expect(report.series.map((s) => [s.label, s.values])).toEqual([
      ["Edison", [10, 0]],
      ["SoHo store", [9, 0]],
      ["Other locations (2)", [15, 0]],
    ]);
  });
});
