import { describe, expect, it } from "vitest";
import { shopifyDefaultStrategy } from "../strategy";
import { location, order, shippedFrom } from "../test-support";

describe("daily-capacity rule", () => {
  const input = order([["A", 1]], [
    location("full", { lon: 0.1, dailyCapacity: 40, ordersToday: 40, stock: { A: 1 } }),
    location("busy", { lon: 0.2, dailyCapacity: 40, ordersToday: 39, stock: { A: 1 } }),
  ]);
  const capacity = { type: "daily-capacity" as const };

  it("excludes a location that has taken its 40 orders (40/40); 39/40 still ships", () => {
    const plan = shopifyDefaultStrategy({ filters: [capacity] }).route(input);
    expect(shippedFrom(plan)).toEqual(["busy"]);
    const full = plan.locations.find((l) => l.locationId === "full");
    expect(full).toMatchObject({ status: "excluded", reasons: ["Daily capacity: At daily capacity (40/40 orders today)"] });
  });

  it("per-location overrides win: busy limited to 39 is full too, nothing ships", () => {
    const plan = shopifyDefaultStrategy({ filters: [{ ...capacity, perLocation: { busy: 39 } }] }).route(input);
    expect(plan.assignments).toEqual([]);
    expect(plan.unassigned[0]?.reason).toBe("No eligible location has A in stock");
  });

  it("without the rule capacity is not enforced", () => {
    expect(shippedFrom(shopifyDefaultStrategy().route(input))).toEqual(["full"]);
  });
});
