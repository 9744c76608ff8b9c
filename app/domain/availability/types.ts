import type { GeoPoint } from "../geo/geo";
import type { DistanceUnit, ShownDistance } from "./distance";
import type { StockStatus } from "./status";
import type { StockBufferPolicy } from "../locations/stock-buffer";

export type { GeoPoint };

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
  /** Units held back here; null = the stock-buffer rule's fallback, else the shop's buffer (stockBufferOf). */
  stockBuffer: number | null;
}

/** Where the shopper is: coordinates from the browser, or a postal code and country. */
export type ShopperPosition =
  | { kind: "coordinates"; lat: number; lon: number }
  | { kind: "postal_code"; postalCode: string; countryCode: string };

export interface AvailabilitySettings {
  /** The shop's buffers as routing applies them (stockBufferOf). */
  buffer: StockBufferPolicy;
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
  /** The storefront's country (ISO 3166-1 alpha-2): picks miles or km; null = km. */
  storefrontCountry: string | null;
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
  /** The distance as the shopper reads it (unit by storefront country, approximate from a postal guess). */
  distance: ShownDistance | null;
}

export interface AvailabilityResult {
  origin:
    | null
    | { source: "coordinates"; resolved: true; precision: "exact" }
    | { source: "postal_code"; resolved: boolean; precision: "exact" | "area" | null };
  showExactCounts: boolean;
  distanceUnit: DistanceUnit;
  /** "stores" when every matched location offers pickup (a store), else "locations". */
  noun: "stores" | "locations";
  /** Locations that matched (radius, pickup filter) before the limit. */
  total: number;
  /** Of those, how many have the variant (in stock or low). */
  inStock: number;
  locations: LocationAvailability[];
}
