/**
 * Where an address is, without a geocoder: its coordinates, else placed through the shop's own
 * locations (availability/postal-code.ts places a storefront shopper the same way): the postal code
 * (same code, else the longest shared prefix), else the locations in the same city; with
 * `approximate`, else those in the same province or state, else the middle of those in the same
 * country. The routing simulator's typed address stops at the city (staff can type more); a live
 * order whose coordinates and postal code Shopify redacted (protected customer data) still has its
 * city, province and country, and is routed on the approximation rather than not at all.
 */
import { normalizePostalCode, resolvePostalCode, type PostalPlace } from "../geo/postal-code";
import type { GeoPoint } from "./types";

/** What placing needs of an address (the custom cart's ShippingAddress, a live order's destination). */
export interface AddressToPlace {
  countryCode: string;
  /** Name or code (the custom cart's typed province); a live order may carry both. */
  province: string | null;
  provinceCode?: string | null;
  city: string | null;
  postalCode: string | null;
  coordinates: GeoPoint | null;
}

/** A location as placing an address needs it. */
export interface PlaceLocation {
  countryCode: string | null;
  city: string | null;
  /** Name or code; compared with the address's, folded. */
  province?: string | null;
  provinceCode?: string | null;
  zip: string | null;
  latitude: number | null;
  longitude: number | null;
}

export type Placement =
  | { placed: true; point: GeoPoint; source: "coordinates" }
  | { placed: true; point: GeoPoint; source: "postal-code"; precision: "exact" | "area" }
  | { placed: true; point: GeoPoint; source: "city" }
  | { placed: true; point: GeoPoint; source: "province" | "country" }
  | { placed: false; reason: string };

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

/**
 * Where a typed address is, without a geocoder. Live orders carry the coordinates Shopify geocoded;
 * Crossdock has no geocoder of its own, so a typed address is placed the way the storefront places a
 * shopper (availability/postal-code.ts): typed coordinates, else the postal code through the shop's
 * own locations (same code, else the longest shared prefix), else a location in the same city.
 */
export function placeAddress(
  address: AddressToPlace,
  locations: readonly PlaceLocation[],
  options: { approximate?: boolean } = {},
): Placement {
  if (address.coordinates) return { placed: true, point: address.coordinates, source: "coordinates" };
  const located = locations.filter(
    (l): l is PlaceLocation & { countryCode: string; latitude: number; longitude: number } =>
      l.countryCode !== null && l.latitude !== null && l.longitude !== null && l.countryCode.toUpperCase() === address.countryCode,
  );
  if (address.postalCode && normalizePostalCode(address.postalCode, address.countryCode)) {
    const places: PostalPlace[] = located.flatMap((l) => (l.zip ? [{ postalCode: l.zip, countryCode: l.countryCode, lat: l.latitude, lon: l.longitude }] : []));
    const resolution = resolvePostalCode(address.postalCode, address.countryCode, places);
    if (resolution.resolved) return { placed: true, point: resolution.point, source: "postal-code", precision: resolution.precision };
  }
  if (address.city) {
    const city = fold(address.city);
    const same = located.filter((l) => l.city && fold(l.city) === city);
    if (same.length) {
      return { placed: true, point: centre(same), source: "city" };
    }
  }
  if (options.approximate && located.length) {
    const provinces = [address.province, address.provinceCode].flatMap((p) => (p ? [fold(p)] : []));
    const inProvince = located.filter((l) => [l.province, l.provinceCode].some((p) => p && provinces.includes(fold(p))));
    if (inProvince.length) return { placed: true, point: centre(inProvince), source: "province" };
    return { placed: true, point: centre(located), source: "country" };
  }
  return {
    placed: false,
    reason: address.postalCode
      ? "Crossdock cannot place this postal code (it has no postal-code database; it places codes near your own locations). Enter the coordinates."
      : "Enter a postal code or the coordinates, so distances can be compared",
  };
}

/** How an address was placed, as facts the admin says in the staff member's language. */
export interface PlacementFacts {
  how: "coordinates" | "postalExact" | "postalArea" | "city" | "province" | "country";
  /** The address as typed: "San Francisco, CA, 94105, US". */
  where: string;
  /** The point: "37.7936, -122.3958". */
  at: string;
}

export function placementFacts(placement: Placement & { placed: true }, address: AddressToPlace): PlacementFacts {
  const where = [address.city, address.province, address.postalCode, address.countryCode].filter(Boolean).join(", ");
  const at = `${placement.point.lat.toFixed(4)}, ${placement.point.lon.toFixed(4)}`;
  const how = placement.source === "postal-code" ? (placement.precision === "exact" ? "postalExact" : "postalArea") : placement.source;
  return { how, where, at };
}

export function describePlacement(placement: Placement & { placed: true }, address: AddressToPlace): string {
  const { where, at } = placementFacts(placement, address);
  switch (placement.source) {
    case "coordinates":
      return `${where}: at the coordinates typed (${at})`;
    case "postal-code":
      return placement.precision === "exact"
        ? `${where}: placed at your location with the same postal code (${at})`
        : `${where}: placed near your locations whose postal codes share the most leading characters (${at}), an approximation`;
    case "city":
      return `${where}: placed at your location(s) in the same city (${at}), an approximation`;
    case "province":
      return `${where}: placed at your location(s) in the same province or state (${at}), an approximation`;
    case "country":
      return `${where}: placed at the middle of your locations in the same country (${at}), a rough approximation`;
  }
}

function centre(points: readonly { latitude: number; longitude: number }[]): GeoPoint {
  return {
    lat: points.reduce((s, l) => s + l.latitude, 0) / points.length,
    lon: points.reduce((s, l) => s + l.longitude, 0) / points.length,
  };
}
