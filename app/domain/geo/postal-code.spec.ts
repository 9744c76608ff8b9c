import { describe, expect, it } from "vitest";
import { normalizePostalCode, resolvePostalCode, type PostalPlace } from "./postal-code";

const places: PostalPlace[] = [
  { postalCode: "10012", countryCode: "US", lat: 40.72, lon: -74.0 }, // SoHo
  { postalCode: "11211", countryCode: "US", lat: 40.71, lon: -73.95 }, // Williamsburg
  { postalCode: "94102", countryCode: "US", lat: 37.78, lon: -122.42 }, // Hayes Valley
  { postalCode: "700000", countryCode: "VN", lat: 10.77, lon: 106.7 }, // HCMC
  { postalCode: "100000", countryCode: "VN", lat: 21.03, lon: 105.85 }, // Hanoi
];

describe("normalizePostalCode", () => {
  it("drops spaces and dashes, uppercases, and shortens a US ZIP+4", () => {
    expect(normalizePostalCode("10118-0110", "US")).toBe("10118");
    expect(normalizePostalCode(" 700 000 ", "VN")).toBe("700000");
    expect(normalizePostalCode("sw1a 1aa", "GB")).toBe("SW1A1AA");
  });
});

describe("resolvePostalCode", () => {
  it("puts a location's own postal code at that location", () => {
    expect(resolvePostalCode("94102", "us", places)).toEqual({ resolved: true, point: { lat: 37.78, lon: -122.42 }, precision: "exact" });
  });

  it("uses the locations sharing the longest prefix, in the same country only", () => {
    // 10001 shares "10" with SoHo (10012) only — Williamsburg (11211) shares "1".
    expect(resolvePostalCode("10001", "US", places)).toEqual({ resolved: true, point: { lat: 40.72, lon: -74.0 }, precision: "area" });
    // 700 900 → HCMC, not a US location with a similar code
    const hcmc = resolvePostalCode("700900", "VN", places);
    expect(hcmc.point).toEqual({ lat: 10.77, lon: 106.7 });
  });

  it("averages equally good matches", () => {
    const result = resolvePostalCode("19999", "US", places, { minPrefix: 1 });
    expect(result.precision).toBe("area");
    expect(result.point!.lat).toBeCloseTo(40.715, 6);
    expect(result.point!.lon).toBeCloseTo(-73.975, 6);
  });

  it("is unresolved without a shared prefix, in another country, or for an empty code", () => {
    expect(resolvePostalCode("60601", "US", places).resolved).toBe(false);
    expect(resolvePostalCode("10012", "CN", places).resolved).toBe(false);
    expect(resolvePostalCode("  ", "US", places).resolved).toBe(false);
  });

  it("is unresolved for a code the country does not write that way (a Hà Nội code on a US storefront)", () => {
    // "100000" shares "100" with SoHo's 10012, but no US ZIP has six digits.
    expect(resolvePostalCode("100000", "US", places)).toEqual({ resolved: false, point: null, precision: null });
    expect(resolvePostalCode("1001", "US", places).resolved).toBe(false);
    // Still placed in its own country, in either of Vietnam's formats (6 digits before 2017, 5 after).
    expect(resolvePostalCode("100000", "VN", places).precision).toBe("exact");
    expect(resolvePostalCode("10000", "VN", places).precision).toBe("area");
    // ZIP+4 is a US postal code.
    expect(resolvePostalCode("10012-3456", "US", places).precision).toBe("exact");
  });
});
