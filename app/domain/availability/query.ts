/**
 * The storefront block's question, read from the app-proxy query string:
 *
 *   variant              required: numeric id or gid://shopify/ProductVariant/N
 *   lat, lon             optional, together: the shopper's coordinates (degrees)
 *   postal_code, country optional, together: a postal code and its ISO 3166-1 alpha-2 country
 *   limit                1 … 50, default 10
 *   radius_km            optional, 1 … 20000: only locations that close (when the position is known)
 *   low_stock_threshold  optional, 0 … 1000: the block's threshold instead of the shop's
 *   pickup_only          optional "1"/"true": only locations offering local pickup
 *   storefront_country   optional ISO 3166-1 alpha-2: the storefront's country (miles or km)
 *
 * Shopify's own proxy parameters (shop, timestamp, signature, path_prefix, logged_in_customer_id)
 * are ignored here: authentication reads them.
 */
import { MAX_LOCATIONS } from "./availability";
import type { AvailabilityRequest, ShopperPosition } from "./types";

export type ParsedAvailabilityQuery =
  | { ok: true; variantId: string; request: AvailabilityRequest }
  | { ok: false; message: string };

const DEFAULT_LIMIT = 10;

export function variantGid(value: string): string | null {
  const trimmed = value.trim();
  const match = /^(?:gid:\/\/shopify\/ProductVariant\/)?(\d{1,20})$/.exec(trimmed);
  return match ? `gid://shopify/ProductVariant/${match[1]}` : null;
}

function number(params: URLSearchParams, name: string): number | null | "invalid" {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : "invalid";
}

export function parseAvailabilityQuery(params: URLSearchParams): ParsedAvailabilityQuery {
  const rawVariant = params.get("variant");
  if (!rawVariant) return { ok: false, message: "variant is required (a variant id)" };
  const variantId = variantGid(rawVariant);
  if (!variantId) return { ok: false, message: "variant must be a numeric id or a ProductVariant GID" };

  const lat = number(params, "lat");
  const lon = number(params, "lon");
  const postalCode = params.get("postal_code")?.trim() ?? "";
  const country = params.get("country")?.trim().toUpperCase() ?? "";
  let position: ShopperPosition | null = null;
  if (lat !== null || lon !== null) {
    if (lat === null || lon === null) return { ok: false, message: "lat and lon go together" };
    if (lat === "invalid" || lat < -90 || lat > 90) return { ok: false, message: "lat must be a number between -90 and 90" };
    if (lon === "invalid" || lon < -180 || lon > 180) return { ok: false, message: "lon must be a number between -180 and 180" };
    if (postalCode) return { ok: false, message: "give either lat/lon or postal_code, not both" };
    position = { kind: "coordinates", lat, lon };
  } else if (postalCode || country) {
    if (!postalCode) return { ok: false, message: "postal_code is required with country" };
    if (!/^[A-Z]{2}$/.test(country)) return { ok: false, message: "country must be an ISO 3166-1 alpha-2 code (e.g. US) with postal_code" };
    if (!/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/.test(postalCode)) return { ok: false, message: "postal_code is not a postal code" };
    position = { kind: "postal_code", postalCode, countryCode: country };
  }

  const limit = number(params, "limit");
  if (limit === "invalid" || (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOCATIONS))) {
    return { ok: false, message: `limit must be a whole number from 1 to ${MAX_LOCATIONS}` };
  }
  const radius = number(params, "radius_km");
  if (radius === "invalid" || (radius !== null && (radius <= 0 || radius > 20_000))) {
    return { ok: false, message: "radius_km must be a number above 0 and at most 20000" };
  }
  const threshold = number(params, "low_stock_threshold");
  if (threshold === "invalid" || (threshold !== null && (!Number.isInteger(threshold) || threshold < 0 || threshold > 1000))) {
    return { ok: false, message: "low_stock_threshold must be a whole number from 0 to 1000" };
  }
  const pickupOnly = params.get("pickup_only");
  if (pickupOnly !== null && !["", "0", "1", "true", "false"].includes(pickupOnly)) {
    return { ok: false, message: "pickup_only must be 1 or 0" };
  }

  const storefrontCountry = params.get("storefront_country")?.trim().toUpperCase() || null;
  if (storefrontCountry !== null && !/^[A-Z]{2}$/.test(storefrontCountry)) {
    return { ok: false, message: "storefront_country must be an ISO 3166-1 alpha-2 code (e.g. US)" };
  }

  return {
    ok: true,
    variantId,
    request: {
      position,
      limit: limit ?? DEFAULT_LIMIT,
      radiusKm: radius,
      lowStockThreshold: threshold,
      pickupOnly: pickupOnly === "1" || pickupOnly === "true",
      storefrontCountry,
    },
  };
}
