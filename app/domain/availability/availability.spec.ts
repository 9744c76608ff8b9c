import { describe, expect, it } from "vitest";
import { computeAvailability } from "./availability";
import type { AvailabilityRequest, StorefrontLocation } from "./types";

function location(id: string, name: string, lat: number | null, lon: number | null, extra: Partial<StorefrontLocation> = {}): StorefrontLocation {
  return {
    id: `gid://shopify/Location/${id}`,
    name,
    address1: `${name} street`,
    address2: null,
    city: "City",
    province: "New York",
    provinceCode: "NY",
    zip: null,
    countryCode: "US",
    phone: null,
    latitude: lat,
    longitude: lon,
    pickupEnabled: true,
    pickupTime: "TWO_HOURS",
    pickupInstructions: "Front desk",
    priority: 100,
    stockBuffer: null,
    ...extra,
  };
}

const soho = location("1", "SoHo", 40.7233, -74.003, { zip: "10012" });
const williamsburg = location("2", "Williamsburg", 40.7081, -73.9571, { zip: "11211", priority: 50 });
const sf = location("3", "Hayes Valley", 37.7763, -122.4241, { zip: "94102" });
const noCoords = location("4", "Pop-up", null, null, { pickupEnabled: false, pickupTime: "ONE_HOUR", priority: 1 });
const all = [soho, williamsburg, sf, noCoords];
const stock = new Map([
  [soho.id, 10],
  [williamsburg.id, 2],
  [sf.id, 0],
]);
const settings = { buffer: { shop: 0, rules: [{ units: 0, perLocation: {} }] }, lowStockThreshold: 3, showExactCounts: false };
const base: AvailabilityRequest = { position: null, limit: 10, radiusKm: null, lowStockThreshold: null, pickupOnly: false, storefrontCountry: null };

describe("computeAvailability", () => {
  it("orders by the merchant's priority without a position, and hides counts by default", () => {
    const result = computeAvailability(all, stock, settings, base);
    expect(result.origin).toBeNull();
    expect(result.locations.map((l) => [l.name, l.status, l.available, l.distanceKm])).toEqual([
      ["Pop-up", "out_of_stock", null, null],
      ["Williamsburg", "low_stock", null, null],
      ["Hayes Valley", "out_of_stock", null, null],
      ["SoHo", "in_stock", null, null],
    ]);
    expect(result).toMatchObject({ total: 4, inStock: 2, showExactCounts: false });
  });

  it("puts the storefront's country first when the shopper's position is unknown", () => {
    const hanoi = location("5", "Hà Nội Store", 21.03, 105.85, { countryCode: "VN", zip: "100000", priority: 1 });
    const onUs = computeAvailability([hanoi, soho, williamsburg], stock, settings, { ...base, storefrontCountry: "US" });
    expect(onUs.locations.map((l) => l.name)).toEqual(["Williamsburg", "SoHo", "Hà Nội Store"]);
    const onVn = computeAvailability([soho, williamsburg, hanoi], stock, settings, { ...base, storefrontCountry: "vn" });
    expect(onVn.locations[0]!.name).toBe("Hà Nội Store");
    // A US postal code the shop cannot place: still the US stores first.
    const unplaced = computeAvailability([hanoi, soho], stock, settings, { ...base, storefrontCountry: "US", position: { kind: "postal_code", postalCode: "60601", countryCode: "US" } });
    expect(unplaced.origin?.resolved).toBe(false);
    expect(unplaced.locations.map((l) => l.name)).toEqual(["SoHo", "Hà Nội Store"]);
  });

  it("sorts by distance from coordinates, unknown coordinates last", () => {
    const result = computeAvailability(all, stock, settings, { ...base, position: { kind: "coordinates", lat: 40.7075, lon: -73.9565 } });
    expect(result.locations.map((l) => l.name)).toEqual(["Williamsburg", "SoHo", "Hayes Valley", "Pop-up"]);
    expect(result.locations[0]!.distanceKm).toBe(0.1);
    expect(result.locations[2]!.distanceKm).toBeGreaterThan(4000);
    expect(result.origin).toEqual({ source: "coordinates", resolved: true, precision: "exact" });
  });

  it("applies the radius, the limit and the pickup filter", () => {
    const near = { kind: "coordinates", lat: 40.72, lon: -74 } as const;
    const result = computeAvailability(all, stock, settings, { ...base, position: near, radiusKm: 50, limit: 1 });
    expect(result.locations.map((l) => l.name)).toEqual(["SoHo"]);
    expect(result.total).toBe(2);
    const pickup = computeAvailability(all, stock, settings, { ...base, pickupOnly: true });
    expect(pickup.locations.map((l) => l.name)).not.toContain("Pop-up");
  });

  it("applies the buffer (location override first) and the block's threshold, and shows counts when allowed", () => {
    const buffered = [{ ...soho, stockBuffer: 8 }, williamsburg];
    const result = computeAvailability(buffered, stock, { buffer: { shop: 1, rules: [{ units: 0, perLocation: {} }] }, lowStockThreshold: 0, showExactCounts: true }, { ...base, lowStockThreshold: 2 });
    const byName = Object.fromEntries(result.locations.map((l) => [l.name, [l.status, l.available]]));
    expect(byName).toEqual({ SoHo: ["low_stock", 2], Williamsburg: ["low_stock", 1] });
  });

  it("resolves a postal code through the shop's locations, or says it could not", () => {
    const near = computeAvailability(all, stock, settings, { ...base, position: { kind: "postal_code", postalCode: "94110", countryCode: "US" } });
    expect(near.origin).toEqual({ source: "postal_code", resolved: true, precision: "area" });
    expect(near.locations[0]!.name).toBe("Hayes Valley");
    const unknown = computeAvailability(all, stock, settings, { ...base, position: { kind: "postal_code", postalCode: "60601", countryCode: "US" } });
    expect(unknown.origin).toEqual({ source: "postal_code", resolved: false, precision: null });
    expect(unknown.locations.every((l) => l.distanceKm === null)).toBe(true);
  });

  it("says stores only when every location listed offers pickup: a warehouse makes them locations", () => {
    expect(computeAvailability(all, stock, settings, base)).toMatchObject({ noun: "locations", total: 4 });
    const pickup = computeAvailability(all, stock, settings, { ...base, pickupOnly: true });
    expect(pickup).toMatchObject({ noun: "stores", total: 3, inStock: 2 });
  });

  it("shows miles on a US storefront and km elsewhere", () => {
    const from = { kind: "coordinates", lat: 40.7075, lon: -73.9565 } as const;
    const us = computeAvailability([soho], stock, settings, { ...base, position: from, storefrontCountry: "US" });
    expect(us.distanceUnit).toBe("mi");
    expect(us.locations[0]!.distance).toEqual({ value: 2.7, unit: "mi", approximate: false });
    const vn = computeAvailability([soho], stock, settings, { ...base, position: from, storefrontCountry: "VN" });
    expect(vn.locations[0]!.distance).toEqual({ value: 4.3, unit: "km", approximate: false });
  });

  it("shows a distance from a postal prefix guess as approximate, never 0", () => {
    // 10013 shares SoHo's prefix (100..): the point is SoHo itself, 0 km away, but only roughly.
    const guess = computeAvailability([soho, williamsburg], stock, settings, { ...base, position: { kind: "postal_code", postalCode: "10013", countryCode: "US" }, storefrontCountry: "VN" });
    expect(guess.origin).toMatchObject({ precision: "area" });
    expect(guess.locations[0]!.distance).toEqual({ value: 1, unit: "km", approximate: true });
    const exact = computeAvailability([soho], stock, settings, { ...base, position: { kind: "postal_code", postalCode: "10012", countryCode: "US" } });
    expect(exact.locations[0]!.distance).toEqual({ value: 0.1, unit: "km", approximate: false });
  });

  it("gives no pickup time for a location without pickup", () => {
    const result = computeAvailability([noCoords], stock, settings, base);
    expect(result.locations[0]).toMatchObject({ pickupEnabled: false, pickupTime: null, pickupInstructions: null });
  });
});
