import { describe, expect, it } from "vitest";
import { shopifyDefaultStrategy } from "../strategy";
import { location, order, shippedFrom } from "../test-support";

describe("stay-in-market rule", () => {
  const input = order([["A", 1]], [
    location("toronto", { countryCode: "CA", lon: 0.1, stock: { A: 1 } }),
    location("mexico", { countryCode: "MX", lon: 0.2, stock: { A: 1 } }),
    location("ohio", { countryCode: "US", lon: 5, stock: { A: 1 } }),
  ]);

  it("country scope: only locations in the destination's country (US) ship", () => {
    const plan = shopifyDefaultStrategy({ filters: [{ type: "stay-in-market", scope: "country" }] }).route(input);
    expect(shippedFrom(plan)).toEqual(["ohio"]);
    expect(plan.locations.find((l) => l.locationId === "toronto")?.reasons).toEqual([
      "Stay within the destination country: In CA, outside the destination country US",
    ]);
  });

  it("market scope: any country of the destination's market (us → US, CA)", () => {
    const plan = shopifyDefaultStrategy({
      filters: [{ type: "stay-in-market", scope: "market", marketCountries: { us: ["US", "CA"] } }],
    }).route(input);
    expect(shippedFrom(plan)).toEqual(["toronto"]);
  });

  it("an unconfigured market excludes every location rather than guessing", () => {
    const plan = shopifyDefaultStrategy({ filters: [{ type: "stay-in-market", scope: "market" }] }).route(input);
    expect(plan.assignments).toEqual([]);
  });
});
