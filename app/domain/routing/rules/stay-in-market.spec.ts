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

  it("market scope: any country of the destination's market, as the shop's markets list it (US, CA)", () => {
    const inMarket = { ...input, destination: { ...input.destination, market: "North America", marketCountries: ["US", "CA"] } };
    const plan = shopifyDefaultStrategy({ filters: [{ type: "stay-in-market", scope: "market" }] }).route(inMarket);
    expect(shippedFrom(plan)).toEqual(["toronto"]);
    expect(plan.locations.find((l) => l.locationId === "mexico")?.why?.[0]?.detail).toEqual({
      key: "outsideMarket",
      values: { hereCountry: "MX", market: "North America", countries: "US,CA" },
    });
  });

  it("market scope reads the market's countries from the destination, not from a stored rule config", () => {
    // A rule set saved before markets were read from Shopify still parses; its countries are not used.
    const stale = { type: "stay-in-market" as const, scope: "market" as const, marketCountries: { "North America": ["MX"] } };
    const inMarket = { ...input, destination: { ...input.destination, market: "North America", marketCountries: ["US", "CA"] } };
    expect(shippedFrom(shopifyDefaultStrategy({ filters: [stale] }).route(inMarket))).toEqual(["toronto"]);
  });

  it("a destination in none of the shop's markets excludes every location rather than guessing, and says so", () => {
    const plan = shopifyDefaultStrategy({ filters: [{ type: "stay-in-market", scope: "market" }] }).route({ ...input, destination: { lat: 0, lon: 0, countryCode: "DE" } });
    expect(plan.assignments).toEqual([]);
    expect(plan.locations[0]?.why?.[0]?.detail).toEqual({ key: "marketUnknown", values: { thereCountry: "DE" } });
  });
});
