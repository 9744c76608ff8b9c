// Where a mail return goes, chosen when it is requested (from the portal or imported from Shopify):
// the merchant's destination rules by the shopper's country (Settings → Returns), read off the
// domain's chooseReturnDestination; the shop's first warehouse when nothing else applies.
import type { Location } from "@prisma/client";
import {
  chooseReturnDestination,
  DEFAULT_DESTINATION_SETTINGS,
  returnDestinationSettingsSchema,
  type DestinationLocation,
  type ReturnDestinationSettings,
  type ShopperPlace,
} from "~/domain/returns/destination";
import { logger } from "~/logger.server";
import { listLocations } from "~/models/locations.server";
import { findDefaultReturnLocation, findReturnPolicy } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";

/** The shop's destination settings; the defaults when none are stored or they no longer parse. */
export async function loadReturnDestinationSettings(shop: ShopRef): Promise<ReturnDestinationSettings> {
  const row = await findReturnPolicy(shop);
  if (!row) return DEFAULT_DESTINATION_SETTINGS;
  const parsed = returnDestinationSettingsSchema.safeParse({
    rules: row.destinationRules,
    mailReturnLocationIds: row.mailReturnLocationIds,
    fallbackLocationId: row.defaultReturnLocationId,
    dropOffMaxDistanceKm: row.dropOffMaxDistanceKm,
    dropOffInstructions: row.dropOffInstructions,
  });
  if (parsed.success) return parsed.data;
  logger.error({ shopId: shop.id, issues: parsed.error.issues }, "Stored return destinations are invalid; using the defaults");
  return { ...DEFAULT_DESTINATION_SETTINGS, fallbackLocationId: row.defaultReturnLocationId };
}

/** A stored location as the destination choice reads it (its Shopify GID as id). */
export function destinationLocation(l: Location): DestinationLocation {
  return {
    id: l.shopifyId,
    name: l.name,
    countryCode: l.countryCode,
    latitude: l.latitude,
    longitude: l.longitude,
    isActive: l.isActive,
    fulfillsOnlineOrders: l.fulfillsOnlineOrders,
    pickupEnabled: l.pickupEnabled,
  };
}

/**
 * The shopper's country and position from an order's shipping address; without one (a pickup
 * order), the country the order was fulfilled from, else the shop's.
 */
export function shopperPlace(
  address: { countryCode?: string | null; latitude?: number | null; longitude?: number | null } | null,
  fallback: { fulfilledFromCountryCode?: string | null; shopCountry?: string | null },
): ShopperPlace {
  const point = address?.latitude != null && address.longitude != null ? { lat: address.latitude, lon: address.longitude } : null;
  return { countryCode: address?.countryCode || fallback.fulfilledFromCountryCode || fallback.shopCountry || null, point };
}

/** The Location GID a new mail return goes to, or null when the shop has no active location. */
export async function chooseMailReturnDestination(shop: ShopRef, shopper: ShopperPlace): Promise<string | null> {
  const [settings, locations] = await Promise.all([loadReturnDestinationSettings(shop), listLocations(shop, { activeOnly: true })]);
  const choice = chooseReturnDestination(shopper, locations.map(destinationLocation), settings);
  if (choice) return choice.locationId;
  return (await findDefaultReturnLocation(shop))?.shopifyId ?? null;
}
