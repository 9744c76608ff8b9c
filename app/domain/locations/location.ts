import { formatPostalAddress } from "../text/postal-address";

/** A location as Shopify describes it (the part Crossdock reads from the Admin API). */
export interface LocationSnapshot {
  shopifyId: string;
  legacyId: string;
  name: string;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  shipsInventory: boolean;
  address: {
    address1: string | null;
    address2: string | null;
    city: string | null;
    province: string | null;
    provinceCode: string | null;
    zip: string | null;
    country: string | null;
    countryCode: string | null;
    phone: string | null;
    latitude: number | null;
    longitude: number | null;
  };
  /** null when local pickup is off at this location. */
  pickup: { pickupTime: string; instructions: string } | null;
}

/**
 * One line per address, laid out as the location's country writes it ("350 5th Ave", "New York, NY
 * 10118", "United States"; the postcode first in China), then the country's name.
 */
export function formatAddressLines(
  address: Pick<LocationSnapshot["address"], "address1" | "address2" | "city" | "province" | "provinceCode" | "zip" | "country"> & { countryCode?: string | null },
): string[] {
  // US, CA, AU… write the province's code; elsewhere its name.
  const usesCode = ["US", "CA", "AU", "BR", "MX"].includes((address.countryCode ?? "").toUpperCase());
  const lines = formatPostalAddress({
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: usesCode ? (address.provinceCode ?? address.province) : (address.province ?? address.provinceCode),
    zip: address.zip,
    countryCode: address.countryCode,
  });
  return address.country?.trim() ? [...lines, address.country.trim()] : lines;
}

/** Why a location cannot take orders now: inactive in Shopify, or paused by staff in Crossdock. */
export type OrderStop = "inactive" | "paused";

/**
 * Whether a location can take orders now, the one place that decides: routing (shipping and
 * pickup) and the storefront block ask it. A location inactive in Shopify takes none; one staff
 * paused in Crossdock (closed for the day, flooded, short of staff) takes none until they resume it.
 * null: it takes orders.
 */
export function orderStop(location: { active: boolean; paused?: boolean }): OrderStop | null {
  if (!location.active) return "inactive";
  if (location.paused) return "paused";
  return null;
}

/** Longest note staff can leave on a pause (shown in the routing log and on the location's page). */
export const PAUSE_NOTE_MAX = 200;
