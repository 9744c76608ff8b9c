import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_KM, haversineKm } from "./geo";

describe("haversineKm", () => {
  it("measures one degree of longitude on the equator as R·π/180", () => {
    // 6371.0088 · π / 180 = 111.195080 km
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.19508, 5);
  });

  it("measures a quarter meridian as R·π/2", () => {
    // equator → pole: 6371.0088 · π / 2 = 10007.557 km
    expect(haversineKm({ lat: 0, lon: 30 }, { lat: 90, lon: 30 })).toBeCloseTo((EARTH_RADIUS_KM * Math.PI) / 2, 6);
  });

  it("gives New York – Los Angeles ≈ 3936 km and is symmetric", () => {
    const ny = { lat: 40.7128, lon: -74.006 };
    const la = { lat: 34.0522, lon: -118.2437 };
    expect(haversineKm(ny, la)).toBeCloseTo(3935.75, 0);
    expect(haversineKm(la, ny)).toBe(haversineKm(ny, la));
    expect(haversineKm(ny, ny)).toBe(0);
  });

  it("stays finite for antipodes", () => {
    // half the circumference: 6371.0088 · π = 20015.115 km
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(EARTH_RADIUS_KM * Math.PI, 6);
  });
});
