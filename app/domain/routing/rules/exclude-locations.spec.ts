import { describe, expect, it } from "vitest";
import { parseRoutingConfig } from "../config";
import { shopifyDefaultStrategy } from "../strategy";
import { location, order, shippedFrom } from "../test-support";

describe("exclude-locations rule", () => {
  const input = order([["A", 1]], [
    location("store", { kind: "store", lon: 0.1, stock: { A: 1 } }),
    location("outlet", { lon: 0.2, tags: ["outlet"], stock: { A: 1 } }),
    location("closed", { lon: 0.3, stock: { A: 1 } }),
    location("far", { lon: 4, stock: { A: 1 } }),
  ]);

  it("excludes by kind, tag and id, with the reason in the explanation", () => {
    const plan = shopifyDefaultStrategy({
      filters: [{ type: "exclude-locations", kinds: ["store"], tags: ["outlet"], locationIds: ["closed"] }],
    }).route(input);
    expect(shippedFrom(plan)).toEqual(["far"]);
    const why = Object.fromEntries(plan.locations.map((l) => [l.locationId, [l.status, ...l.reasons]]));
    expect(why.store).toEqual(["excluded", "Excluded locations: Excluded kind: store"]);
    expect(why.outlet).toEqual(["excluded", "Excluded locations: Excluded tag: outlet"]);
    expect(why.closed).toEqual(["excluded", "Excluded locations: Excluded by the merchant"]);
  });

  it("without the rule the closest location (the store) ships", () => {
    expect(shippedFrom(shopifyDefaultStrategy().route(input))).toEqual(["store"]);
  });

  it("rejects an empty exclusion", () => {
    const parsed = parseRoutingConfig({ rules: [{ type: "exclude-locations" }] });
    expect(parsed.status).toBe("error");
  });
});
