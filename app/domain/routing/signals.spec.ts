import { describe, expect, it } from "vitest";
import { decisionSignals } from "./signals";

const A = "gid://shopify/Location/1";
const B = "gid://shopify/Location/2";

describe("decisionSignals", () => {
  it("names the checkout's pickup store as the decider, and what the product page's hint was", () => {
    expect(decisionSignals({ decidedBy: "checkout-pickup", locationId: A, hintLocationId: null }, { source: "pickup-store" })).toEqual([
      { key: "checkoutPickup", locations: { store: A } },
    ]);
    expect(decisionSignals({ decidedBy: "checkout-pickup", locationId: A, hintLocationId: A }, null).map((m) => m.key)).toEqual(["checkoutPickup", "hintSame"]);
    expect(decisionSignals({ decidedBy: "checkout-pickup", locationId: A, hintLocationId: B }, null)).toEqual([
      { key: "checkoutPickup", locations: { store: A } },
      { key: "hintOther", locations: { hint: B } },
    ]);
  });

  it("says a shipped order's product-page store was not used, and how an address without coordinates was placed", () => {
    expect(decisionSignals({ decidedBy: "checkout-shipping", hintLocationId: B }, { source: "coordinates" })).toEqual([{ key: "shippingHintIgnored", locations: { hint: B } }]);
    expect(decisionSignals({ decidedBy: "checkout-shipping", hintLocationId: null }, { source: "coordinates" })).toEqual([]);
    expect(decisionSignals(null, { source: "postal-code", precision: "exact" }).map((m) => m.key)).toEqual(["placementExact"]);
    expect(decisionSignals(null, { source: "postal-code", precision: "area" }).map((m) => m.key)).toEqual(["placementArea"]);
    expect(decisionSignals(undefined, { source: "province" }).map((m) => m.key)).toEqual(["placementProvince"]);
  });
});
