import { describe, expect, it } from "vitest";
import { parseRoutingConfig } from "./config";
import { ruleBasedStrategy } from "./strategy";

describe("parseRoutingConfig", () => {
  it("accepts an ordered rule list and fills the defaults", () => {
    const parsed = parseRoutingConfig({
      rules: [{ type: "stock-buffer" }, { type: "fewest-shipments" }, { type: "closest" }],
    });
    expect(parsed).toEqual({
      status: "success",
      config: {
        name: "custom",
        allowSplitLines: true,
        search: { maxNodes: 200_000 },
        rules: [{ type: "stock-buffer", units: 0, perLocation: {} }, { type: "fewest-shipments" }, { type: "closest" }],
      },
    });
  });

  it("survives a JSON round trip (the admin stores it as data)", () => {
    const raw = { name: "eu", allowSplitLines: false, rules: [{ type: "cost-optimal", costModel: { perShipment: 5, perKm: 0.01, unfilledPenalty: 90 } }] };
    const parsed = parseRoutingConfig(JSON.parse(JSON.stringify(raw)));
    expect(parsed.status).toBe("success");
  });

  it("reports every problem with its path", () => {
    const parsed = parseRoutingConfig({
      rules: [{ type: "teleport" }, { type: "stock-buffer", units: -1 }, { type: "cost-optimal", costModel: { perShipment: 1 } }],
    });
    expect(parsed.status).toBe("error");
    if (parsed.status !== "error") return;
    expect(parsed.errors.some((e) => e.startsWith("rules.0"))).toBe(true);
    expect(parsed.errors.some((e) => e.startsWith("rules.1.units"))).toBe(true);
    expect(parsed.errors.some((e) => e.startsWith("rules.2.costModel.perKm"))).toBe(true);
  });

  it("ruleBasedStrategy refuses an invalid configuration", () => {
    expect(() => ruleBasedStrategy({ rules: [{ type: "product-tag-routing", productTags: ["bulky"] }] as never })).toThrow(/allowed location kind/);
  });
});
