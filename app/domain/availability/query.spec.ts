import { describe, expect, it } from "vitest";
import { parseAvailabilityQuery, variantGid } from "./query";

const parse = (query: string) => parseAvailabilityQuery(new URLSearchParams(query));

describe("variantGid", () => {
  it("accepts a numeric id or a ProductVariant GID", () => {
    expect(variantGid("123")).toBe("gid://shopify/ProductVariant/123");
    expect(variantGid("gid://shopify/ProductVariant/123")).toBe("gid://shopify/ProductVariant/123");
    expect(variantGid("gid://shopify/Product/123")).toBeNull();
    expect(variantGid("12a")).toBeNull();
  });
});

describe("parseAvailabilityQuery", () => {
  it("reads a variant alone with defaults, ignoring Shopify's proxy parameters", () => {
    expect(parse("variant=7&shop=x.myshopify.com&timestamp=1&signature=abc&path_prefix=/apps/x")).toEqual({
      ok: true,
      variantId: "gid://shopify/ProductVariant/7",
      request: { position: null, limit: 10, radiusKm: null, lowStockThreshold: null, pickupOnly: false, storefrontCountry: null },
    });
  });

  it("reads coordinates, a postal code, limit, radius, threshold and pickup_only", () => {
    const coords = parse("variant=7&lat=40.7&lon=-74&limit=3&radius_km=25&low_stock_threshold=2&pickup_only=1");
    expect(coords).toEqual({
      ok: true,
      variantId: "gid://shopify/ProductVariant/7",
      request: { position: { kind: "coordinates", lat: 40.7, lon: -74 }, limit: 3, radiusKm: 25, lowStockThreshold: 2, pickupOnly: true, storefrontCountry: null },
    });
    const postal = parse("variant=7&postal_code=10012&country=us");
    expect(postal.ok && postal.request.position).toEqual({ kind: "postal_code", postalCode: "10012", countryCode: "US" });
    const storefront = parse("variant=7&storefront_country=gb");
    expect(storefront.ok && storefront.request.storefrontCountry).toBe("GB");
  });

  it.each([
    ["", /variant is required/],
    ["variant=abc", /variant must be/],
    ["variant=1&lat=40", /lat and lon go together/],
    ["variant=1&lat=91&lon=0", /lat must be/],
    ["variant=1&lat=0&lon=abc", /lon must be/],
    ["variant=1&lat=0&lon=0&postal_code=10012&country=US", /either lat\/lon or postal_code/],
    ["variant=1&postal_code=10012", /country must be/],
    ["variant=1&country=US", /postal_code is required/],
    ["variant=1&postal_code=<script>&country=US", /not a postal code/],
    ["variant=1&limit=0", /limit must be/],
    ["variant=1&limit=51", /limit must be/],
    ["variant=1&limit=2.5", /limit must be/],
    ["variant=1&radius_km=-1", /radius_km must be/],
    ["variant=1&low_stock_threshold=x", /low_stock_threshold must be/],
    ["variant=1&pickup_only=yes", /pickup_only must be/],
    ["variant=1&storefront_country=USA", /storefront_country must be/],
  ])("refuses %s with a message", (query, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
