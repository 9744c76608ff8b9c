import { describe, expect, it } from "vitest";
import { haversineKm } from "../geo/geo";
import { planMetrics, sumMetrics } from "./metrics";
import type { RoutingInput, RoutingPlan } from "./types";

const input: RoutingInput = {
  orderId: "O1",
  destination: { lat: 40.71, lon: -74.0 },
  lines: [
    { id: "L1", sku: "A", quantity: 2 },
    { id: "L2", sku: "B", quantity: 1 },
  ],
  locations: [
    { id: "W", name: "W", kind: "warehouse", lat: 40.52, lon: -74.34, active: true, fulfillsOnlineOrders: true, pickupEnabled: false, stock: { A: 5 } },
    { id: "S", name: "S", kind: "store", lat: 40.72, lon: -74.0, active: true, fulfillsOnlineOrders: true, pickupEnabled: true, stock: { B: 1 } },
  ],
};
const plan = {
  assignments: [
    { locationId: "W", lineId: "L1", sku: "A", quantity: 2 },
    { locationId: "S", lineId: "L2", sku: "B", quantity: 1 },
  ],
} as RoutingPlan;

describe("planMetrics", () => {
  it("counts parcels, distance, units from stores and prices the plan", () => {
    const km = haversineKm(input.locations[0]!, input.destination) + haversineKm(input.locations[1]!, input.destination);
    const m = planMetrics(input, plan, { perShipment: 5, perKm: 0.1, unfilledPenalty: 100 });
    expect(m.parcels).toBe(2);
    expect(m.km).toBeCloseTo(km, 9);
    expect(m.cost).toBeCloseTo(10 + 0.1 * km, 9);
    expect(m.unfilledUnits).toBe(0);
    expect(m.unitsFromStores).toBe(1);
  });

  it("charges the penalty for units left unfilled, and sums", () => {
    const partial = { assignments: [plan.assignments[0]!] } as RoutingPlan;
    const m = planMetrics(input, partial, { perShipment: 5, perKm: 0, unfilledPenalty: 100 });
    expect(m).toMatchObject({ parcels: 1, cost: 105, unfilledUnits: 1, unitsFromStores: 0 });
    expect(sumMetrics([m, m])).toMatchObject({ parcels: 2, cost: 210, unfilledUnits: 2 });
  });
});
