/**
 * The storefront's view of one variant across the shop's locations: status per location (buffer
 * and low-stock threshold applied), nearest first when the shopper's position is known.
 */
import { haversineKm } from "../geo/geo";
import { stockBufferOf } from "../locations/stock-buffer";
import { resolvePostalCode, type PostalPlace } from "../geo/postal-code";
import { distanceUnitFor, shownDistance } from "./distance";
import { sellableUnits, stockStatus } from "./status";
import type {
  AvailabilityRequest,
  AvailabilityResult,
  AvailabilitySettings,
  GeoPoint,
  LocationAvailability,
  StorefrontLocation,
} from "./types";

export const MAX_LOCATIONS = 50;

/** Postal places known from the locations themselves (see postal-code.ts). */
export function postalPlacesOf(locations: readonly StorefrontLocation[]): PostalPlace[] {
  const places: PostalPlace[] = [];
  for (const l of locations) {
    if (l.zip && l.countryCode && l.latitude != null && l.longitude != null) {
      places.push({ postalCode: l.zip, countryCode: l.countryCode, lat: l.latitude, lon: l.longitude });
    }
  }
  return places;
}

/**
 * @param locations the shop's active locations
 * @param available Shopify's `available` per location id (locations missing here count as 0)
 * @param places postal places to resolve a postal code with (normally `postalPlacesOf(locations)`)
 */
export function computeAvailability(
  locations: readonly StorefrontLocation[],
  available: ReadonlyMap<string, number>,
  settings: AvailabilitySettings,
  request: AvailabilityRequest,
  places: readonly PostalPlace[] = postalPlacesOf(locations),
): AvailabilityResult {
  let origin: AvailabilityResult["origin"] = null;
  let point: GeoPoint | null = null;
  if (request.position?.kind === "coordinates") {
    point = { lat: request.position.lat, lon: request.position.lon };
    origin = { source: "coordinates", resolved: true, precision: "exact" };
  } else if (request.position?.kind === "postal_code") {
    const resolution = resolvePostalCode(request.position.postalCode, request.position.countryCode, places);
    point = resolution.point;
    origin = { source: "postal_code", resolved: resolution.resolved, precision: resolution.precision };
  }

  const unit = distanceUnitFor(request.storefrontCountry);
  const approximate = origin?.source === "postal_code" && origin.precision === "area";
  let allPickup = true;
  const threshold = request.lowStockThreshold ?? settings.lowStockThreshold;
  const rows: { row: LocationAvailability; distance: number; abroad: number; priority: number }[] = [];
  // Without the shopper's position, the storefront's country comes first (a US shopper is not shown
  // Hà Nội before Brooklyn because "H" sorts before "W").
  const home = request.storefrontCountry?.toUpperCase() ?? null;
  let inStock = 0;
  for (const location of locations) {
    if (request.pickupOnly && !location.pickupEnabled) continue;
    const distance =
      point && location.latitude != null && location.longitude != null
        ? haversineKm(point, { lat: location.latitude, lon: location.longitude })
        : null;
    if (request.radiusKm != null && point && (distance == null || distance > request.radiusKm)) continue;
    if (!location.pickupEnabled) allPickup = false;
    const buffer = stockBufferOf(location, settings.buffer);
    const units = available.get(location.id) ?? 0;
    const status = stockStatus(units, { buffer, lowStockThreshold: threshold });
    if (status !== "out_of_stock") inStock++;
    rows.push({
      distance: distance ?? Number.POSITIVE_INFINITY,
      abroad: home && location.countryCode?.toUpperCase() !== home ? 1 : 0,
      priority: location.priority,
      row: {
        id: location.id,
        name: location.name,
        status,
        available: settings.showExactCounts ? sellableUnits(units, buffer) : null,
        pickupEnabled: location.pickupEnabled,
        pickupTime: location.pickupEnabled ? location.pickupTime : null,
        pickupInstructions: location.pickupEnabled ? location.pickupInstructions : null,
        address: {
          address1: location.address1,
          address2: location.address2,
          city: location.city,
          province: location.provinceCode ?? location.province,
          zip: location.zip,
          countryCode: location.countryCode,
        },
        phone: location.phone,
        distanceKm: distance == null ? null : Math.round(distance * 10) / 10,
        distance: distance == null ? null : shownDistance(distance, unit, approximate),
      },
    });
  }

  rows.sort(
    (a, b) =>
      a.distance - b.distance ||
      a.abroad - b.abroad ||
      (point ? 0 : a.priority - b.priority) ||
      a.row.name.localeCompare(b.row.name) ||
      (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0),
  );
  const limit = Math.min(Math.max(1, Math.trunc(request.limit)), MAX_LOCATIONS);
  return {
    origin,
    showExactCounts: settings.showExactCounts,
    distanceUnit: unit,
    noun: allPickup ? "stores" : "locations",
    total: rows.length,
    inStock,
    locations: rows.slice(0, limit).map((r) => r.row),
  };
}
