import { describe, expect, it } from "vitest";
import { costOptimalStrategy, shopifyDefaultStrategy } from "./strategy";
import { location, order } from "./test-support";

describe("routing engine", () => {
  const model = { perShipment: 10, perKm: 0.1, unfilledPenalty: 100 };
  const input = order([["A", 2], ["B", 1]], [
    location("W1", { lon: 1, stock: { A: 2 } }),
    location("W2", { lon: 2, stock: { A: 2, B: 1 } }),
    location("empty", { lon: 0.5, stock: { C: 9 } }),
    location("asleep", { lon: 0.1, active: false, stock: { A: 9, B: 9 } }),
    location("offline", { lon: 0.1, fulfillsOnlineOrders: false, stock: { A: 9, B: 9 } }),
  ]);

  it("explains every location: chosen, not chosen (and why), excluded", () => {
    const plan = costOptimalStrategy(model).route(input);
    const byId = Object.fromEntries(plan.locations.map((l) => [l.locationId, l]));
    expect(byId.W2).toMatchObject({ status: "chosen", units: 3, reasons: ["Ships 3 units: A × 2, B × 1"] });
    // W1 alone: 21.12 + 1 unfilled B · 100 = 121.12 against 32.24.
    expect(byId.W1?.status).toBe("not-chosen");
    expect(byId.W1?.reasons[0]).toBe("Could ship 2 of 3 units; on its own: Lowest cost 121.12 against 32.24 for the chosen plan");
    expect(byId.empty?.reasons).toEqual(["No stock of the ordered items"]);
    expect(byId.asleep).toMatchObject({ status: "excluded", reasons: ["Inactive"] });
    expect(byId.offline).toMatchObject({ status: "excluded", reasons: ["Does not fulfil online orders"] });
    expect(plan.summary).toBe("Ships 3 of 3 units from 1 location (Location W2).");
    expect(plan.scores.map((s) => s.rule)).toEqual(["cost-optimal", "tie-break:fewest-shipments", "tie-break:closest"]);
  });

  it("puts unfilled units first for rules that do not price them", () => {
    const plan = shopifyDefaultStrategy().route(input);
    expect(plan.scores.map((s) => [s.rule, s.value])).toEqual([
      ["fill", 0],
      ["fewest-shipments", 1],
      ["closest", expect.closeTo(222.39016, 4)],
      ["tie-break:fewest-shipments", 1],
      ["tie-break:closest", expect.closeTo(222.39016, 4)],
    ]);
  });

  it("is plain JSON and deterministic", () => {
    const a = costOptimalStrategy(model).route(input);
    const b = costOptimalStrategy(model).route(structuredClone(input));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(b).toEqual(a);
  });

  it("handles an order with nothing to route", () => {
    const plan = shopifyDefaultStrategy().route(order([["A", 0]], input.locations.slice()));
    expect(plan).toMatchObject({ assignments: [], unassigned: [], shipments: 0 });
  });
});

describe("a location paused by staff", () => {
  const model = { perShipment: 10, perKm: 0.1, unfilledPenalty: 100 };
  const locations = [
    location("near", { lon: 0.1, paused: true, pausedNote: "Flooded", stock: { A: 9 } }),
    location("quiet", { lon: 0.2, paused: true, stock: { A: 9 } }),
    location("far", { lon: 3, stock: { A: 9 } }),
  ];

  it("is left out like an inactive one, with the staff's note, and the order goes elsewhere", () => {
    for (const strategy of [costOptimalStrategy(model), shopifyDefaultStrategy()]) {
      const plan = strategy.route(order([["A", 2]], locations));
      const byId = Object.fromEntries(plan.locations.map((l) => [l.locationId, l]));
      expect(plan.assignments.map((a) => [a.locationId, a.quantity])).toEqual([["far", 2]]);
      expect(byId.near).toMatchObject({ status: "excluded", reasons: ["Paused by staff: Flooded"], why: [{ key: "pausedNote", values: { note: "Flooded" } }] });
      expect(byId.quiet).toMatchObject({ status: "excluded", reasons: ["Paused by staff"], why: [{ key: "paused" }] });
    }
  });

  it("ships nothing when every location with stock is paused", () => {
    const plan = shopifyDefaultStrategy().route(order([["A", 2]], locations.slice(0, 2)));
    expect(plan.assignments).toEqual([]);
    expect(plan.unassigned.map((u) => u.quantity)).toEqual([2]);
  });

  it("refuses a pickup at a paused store (the whole order is unfilled), as at an inactive one", () => {
    const store = location("store", { kind: "store", lon: 3, pickupEnabled: true, paused: true, pausedNote: "Closed today", stock: { A: 9 } });
    const plan = shopifyDefaultStrategy().route(order([["A", 1]], [store, locations[2]!], { pickupLocationId: "store" }));
    expect(plan.assignments).toEqual([]);
    expect(plan.unassigned[0]?.reason).toBe("Pickup refused: Location store is paused by staff: Closed today");
    expect(plan.summaryWhy).toMatchObject({ key: "summaryPickupRefused", detail: { key: "pickupPausedNote", values: { store: "Location store", note: "Closed today" } } });
    const unnoted = shopifyDefaultStrategy().route(order([["A", 1]], [{ ...store, pausedNote: undefined }], { pickupLocationId: "store" }));
    expect(unnoted.summaryWhy?.detail).toEqual({ key: "pickupPaused", values: { store: "Location store" } });
  });
});
