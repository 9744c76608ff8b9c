import { describe, expect, it } from "vitest";
import { addressPoint, shopperTimeZone } from "./time-zone";

describe("shopperTimeZone", () => {
  it("places the order's destination in its own zone", () => {
    expect(shopperTimeZone("America/New_York", { lat: 10.7769, lon: 106.7009 })).toMatch(/^Asia\/(Ho_Chi_Minh|Bangkok)$/); // Ho Chi Minh City: UTC+7
    expect(shopperTimeZone("America/New_York", { lat: 31.2304, lon: 121.4737 })).toBe("Asia/Shanghai");
    expect(shopperTimeZone("Asia/Ho_Chi_Minh", { lat: 34.0522, lon: -118.2437 })).toBe("America/Los_Angeles");
  });

  it("keeps the shop's zone without usable coordinates", () => {
    expect(shopperTimeZone("America/New_York", null)).toBe("America/New_York");
    expect(shopperTimeZone("America/New_York", { lat: Number.NaN, lon: 1 })).toBe("America/New_York");
    expect(shopperTimeZone("America/New_York", { lat: 91, lon: 1 })).toBe("America/New_York");
  });
});

describe("addressPoint", () => {
  it("reads Shopify's coordinates, as numbers or as webhook strings, and ignores missing or 0,0", () => {
    expect(addressPoint({ latitude: 21.03, longitude: 105.85 })).toEqual({ lat: 21.03, lon: 105.85 });
    expect(addressPoint({ latitude: "21.03", longitude: "105.85" })).toEqual({ lat: 21.03, lon: 105.85 });
    expect(addressPoint({ latitude: null, longitude: 105.85 })).toBeNull();
    expect(addressPoint({ latitude: 0, longitude: 0 })).toBeNull();
    expect(addressPoint(null)).toBeNull();
  });
});
