/**
 * The time zone a shopper's times are shown in: where the order is going (the pickup store, else
 * the shipping address), placed offline by its coordinates (@photostructure/tz-lookup, the IANA
 * zones' boundaries); the shop's zone when the order has no coordinates. Pages also name the zone
 * next to every time, so a time in the shop's zone is never read as the shopper's own.
 */
import tzLookup from "@photostructure/tz-lookup";
import type { GeoPoint } from "~/domain/geo/geo";

export function shopperTimeZone(shopTimeZone: string, place: GeoPoint | null): string {
  if (!place || !Number.isFinite(place.lat) || !Number.isFinite(place.lon)) return shopTimeZone;
  if (Math.abs(place.lat) > 90 || Math.abs(place.lon) > 180) return shopTimeZone;
  try {
    return tzLookup(place.lat, place.lon);
  } catch {
    return shopTimeZone;
  }
}

/** Coordinates from an address as Shopify writes them (GraphQL `latitude`/`longitude`, numbers or strings). */
export function addressPoint(address: { latitude?: unknown; longitude?: unknown } | null | undefined): GeoPoint | null {
  if (!address || address.latitude == null || address.longitude == null) return null;
  const lat = Number(address.latitude);
  const lon = Number(address.longitude);
  return Number.isFinite(lat) && Number.isFinite(lon) && !(lat === 0 && lon === 0) ? { lat, lon } : null;
}
