import type { StockStatus } from "./status";

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** A location as the storefront block needs it (read from Crossdock's copy of Shopify's data). */
export interface StorefrontLocation {
  /** gid://shopify/Location/123: the value written to the cart attribute. */
  id: string;
  name: string;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  countryCode: string | null;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
  pickupEnabled: boolean;
  /** DeliveryLocalPickupTime (ONE_HOUR … FIVE_OR_MORE_DAYS, CUSTOM) or null. */
  pickupTime: string | null;
  pickupInstructions: string | null;
  /** Merchant preference, lower first: the order when the shopper's position is unknown. */
  priority: number;
  /** Units held back here; null = the shop's buffer. */
  stockBuffer: number | null;
}

/** Where the shopper is: coordinates from the browser, or a postal code and country. */
export type ShopperPosition =
  | { kind: "coordinates"; lat: number; lon: number }
  | { kind: "postal_code"; postalCode: string; countryCode: string };

export interface AvailabilitySettings {
  stockBuffer: number;
  lowStockThreshold: number;
  showExactCounts: boolean;
}

export interface AvailabilityRequest {
  position: ShopperPosition | null;
  /** At most this many locations (nearest first). */
  limit: number;
  /** Only locations within this distance, when the position is known. */
  radiusKm: number | null;
  /** The block's own threshold; null = the shop's setting. */
  lowStockThreshold: number | null;
  /** Only locations offering local pickup. */
  pickupOnly: boolean;
}

export interface LocationAvailability {
  id: string;
  name: string;
  status: StockStatus;
  /** Sellable units (after the buffer): only when the merchant shows exact counts. */
  available: number | null;
  pickupEnabled: boolean;
  pickupTime: string | null;
  pickupInstructions: string | null;
  address: {
    address1: string | null;
    address2: string | null;
    city: string | null;
    province: string | null;
    zip: string | null;
    countryCode: string | null;
  };
  phone: string | null;
  /** Rounded to 0.1 km; null when the shopper's position or the location's coordinates are unknown. */
  distanceKm: number | null;
}

export interface AvailabilityResult {
  origin:
    | null
    | { source: "coordinates"; resolved: true; precision: "exact" }
    | { source: "postal_code"; resolved: boolean; precision: "exact" | "area" | null };
  showExactCounts: boolean;
  /** Locations that matched (radius, pickup filter) before the limit. */
  total: number;
  /** Of those, how many have the variant (in stock or low). */
  inStock: number;
  locations: LocationAvailability[];
}
