import { describe, expect, it } from "vitest";
import { computeAvailability } from "../availability/availability";
import type { StorefrontLocation } from "../availability/types";
import type { RoutingConfigInput } from "../routing/config";
import { toRoutingInput, type LocationAttributes, type RoutableOrder } from "../routing/order-input";
import { stockBufferPolicyOf } from "../routing/rules/stock-buffer";
import { ruleBasedStrategy } from "../routing/strategy";
import { stockBufferOf } from "./stock-buffer";

const rule = (units: number, perLocation: Record<string, number> = {}) => ({ units, perLocation });

describe("stockBufferOf: rule override, else the location's own buffer, else the rule's fallback, else the shop's", () => {
  it("the rule's override for the location wins, then the location's own buffer (even 0)", () => {
    expect(stockBufferOf({ id: "L1", stockBuffer: 2 }, { shop: 3, rules: [rule(4, { L1: 6 })] })).toBe(6);
    expect(stockBufferOf({ id: "L1", stockBuffer: 2 }, { shop: 3, rules: [rule(4)] })).toBe(2);
    expect(stockBufferOf({ id: "L1", stockBuffer: 0 }, { shop: 3, rules: [rule(4)] })).toBe(0);
  });

  it("without one, the stock-buffer rule's units (above 0), else the shop's default", () => {
    expect(stockBufferOf({ id: "L1", stockBuffer: null }, { shop: 3, rules: [rule(4)] })).toBe(4);
    expect(stockBufferOf({ id: "L1" }, { shop: 0, rules: [rule(4)] })).toBe(4);
    expect(stockBufferOf({ id: "L1", stockBuffer: null }, { shop: 3, rules: [rule(0)] })).toBe(3);
  });

  it("keeps nothing back when Routing's stock-buffer rule is off, as routing does", () => {
    expect(stockBufferOf({ id: "L1", stockBuffer: 5 }, { shop: 3, rules: [] })).toBe(0);
    expect(stockBufferPolicyOf({ rules: [{ type: "closest" }] }, 3)).toEqual({ shop: 3, rules: [] });
  });
});

describe("one buffer for routing and the storefront, from the shapes live routing produces", () => {
  const gid = (n: string) => `gid://shopify/Location/${n}`;
  const attributes = (n: string, stockBuffer: number | null): LocationAttributes => ({
    shopifyId: gid(n), legacyResourceId: n, name: `Store ${n}`, kind: "store", countryCode: "US", latitude: 40, longitude: -74,
    city: null, province: null, provinceCode: null, zip: null, isActive: true, fulfillsOnlineOrders: true, pickupEnabled: true,
    priority: 100, dailyCapacity: null, stockBuffer, tags: [],
  });
  const storefront = (a: LocationAttributes): StorefrontLocation => ({
    id: a.shopifyId, name: a.name, address1: null, address2: null, city: null, province: null, provinceCode: null, zip: null,
    countryCode: a.countryCode, phone: null, latitude: a.latitude, longitude: a.longitude, pickupEnabled: a.pickupEnabled,
    pickupTime: null, pickupInstructions: null, priority: a.priority, stockBuffer: a.stockBuffer,
  });
  // An order for 10 units, its fulfillment order at a location Crossdock does not route to (so no
  // units of its own are committed at the one below).
  const order: RoutableOrder = {
    id: "gid://shopify/Order/1", name: "#1001", createdAt: "2026-11-20T12:00:00Z", cancelledAt: null,
    attributes: {}, destination: { countryCode: "US", latitude: 40, longitude: -74 },
    lines: [{ id: "line-1", variantId: "V1", sku: "MUG", quantity: 10, productTags: [], productType: null }],
    fulfillmentOrders: [{ id: "fo-1", locationId: gid("9"), status: "OPEN", deliveryMethod: "SHIPPING", lines: [{ id: "fol-1", lineItemId: "line-1", remainingQuantity: 10 }] }],
  };

  it.each([
    ["the rule's fallback (4) where the location has none", null, [{ type: "stock-buffer", units: 4 }], 6],
    ["the rule's override for the location (7) over its own (1)", 1, [{ type: "stock-buffer", units: 4, perLocation: { [gid("1")]: 7 } }], 3],
    ["the location's own (1)", 1, [{ type: "stock-buffer", units: 4 }], 9],
    ["the shop's default (2) when the rule names no units", null, [{ type: "stock-buffer", units: 0 }], 8],
    ["nothing when the rule is off", 1, [], 10],
  ] as const)("%s", (_name, own, bufferRules, sellable) => {
    const locations = [attributes("1", own)];
    const config: RoutingConfigInput = { rules: [...bufferRules, { type: "closest" }] };
    // Routing: the shop's rules on the input live routing builds (route-order.server.ts).
    const built = toRoutingInput(order, locations, { V1: { [gid("1")]: 10 } }, { defaultStockBuffer: 2 });
    if (built.status !== "ready") throw new Error(built.status);
    const plan = ruleBasedStrategy(config).route(built.input);
    expect(plan.assignments.reduce((n, a) => n + a.quantity, 0)).toBe(sellable);
    // The storefront: the same rules and shop default, as get-availability reads them.
    const shown = computeAvailability(locations.map(storefront), new Map([[gid("1"), 10]]), { buffer: stockBufferPolicyOf(config, 2), lowStockThreshold: 0, showExactCounts: true }, {
      position: null, limit: 10, radiusKm: null, lowStockThreshold: null, pickupOnly: false, storefrontCountry: "US",
    });
    expect(shown.locations[0]!.available).toBe(sellable);
  });
});
