import { describe, expect, it } from "vitest";
import { parsePickupLocation, PICKUP_LOCATION_ATTRIBUTE } from "./pickup-attribute";

describe("the pickup attribute", () => {
  it("is the name the demo shop's orders carry", () => {
    expect(PICKUP_LOCATION_ATTRIBUTE).toBe("_crossdock_pickup_location");
  });

  it("accepts a location GID or a bare legacy id, nothing else", () => {
    expect(parsePickupLocation("gid://shopify/Location/42")).toBe("gid://shopify/Location/42");
    expect(parsePickupLocation(" 42 ")).toBe("gid://shopify/Location/42");
    expect(parsePickupLocation("gid://shopify/Product/42")).toBeNull();
    expect(parsePickupLocation("store-soho")).toBeNull();
    expect(parsePickupLocation("")).toBeNull();
    expect(parsePickupLocation(null)).toBeNull();
  });

});
