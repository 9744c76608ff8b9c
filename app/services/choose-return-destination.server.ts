// Where a mail return goes, chosen when it is requested (from the portal or imported from Shopify):
// the merchant's destination rules by the shopper's country or its Shopify market (Settings →
// Returns; markets from Crossdock's mirror), read off the domain's chooseReturnDestination; the
// shop's first warehouse when nothing else applies.
import type { Location } from "@prisma/client";
import {
  chooseReturnDestination,
  DEFAULT_DESTINATION_SETTINGS,
  returnDestinationSettingsSchema,
  type DestinationChoice,
  type DestinationLocation,
  type ReturnDestinationSettings,
  type ShopperPlace,
} from "~/domain/returns/destination";
import { logger } from "~/logger.server";
import { listLocations } from "~/models/locations.server";
import { listMarkets } from "~/models/markets.server";
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

async function chooseUnderCurrentSettings(shop: ShopRef, shopper: ShopperPlace): Promise<DestinationChoice | null> {
  const [settings, locations, markets] = await Promise.all([loadReturnDestinationSettings(shop), listLocations(shop, { activeOnly: true }), listMarkets(shop)]);
  return chooseReturnDestination(shopper, locations.map(destinationLocation), settings, markets);
}

/** The Location GID a new mail return goes to, or null when the shop has no active location. */
export async function chooseMailReturnDestination(shop: ShopRef, shopper: ShopperPlace): Promise<string | null> {
  const choice = await chooseUnderCurrentSettings(shop, shopper);
  if (choice) return choice.locationId;
  return (await findDefaultReturnLocation(shop))?.shopifyId ?? null;
}

/** Why a mail return goes where it does, for its page: the rule that applies, and the country or market it names. */
export type DestinationReasonView =
  | { reason: "country-rule"; countryCode: string }
  | { reason: "market-rule"; market: string }
  | { reason: "nearest" | "in-country"; countryCode: string }
  | { reason: "fallback" };

/**
 * Why the return's destination is `locationId` under the merchant's current rules, or null when
 * those rules would send it elsewhere (staff changed it, or the rules changed since): the page then
 * says nothing rather than a reason that no longer holds.
 */
export async function explainMailReturnDestination(shop: ShopRef, shopper: ShopperPlace, locationId: string): Promise<DestinationReasonView | null> {
  const choice = await chooseUnderCurrentSettings(shop, shopper);
  if (!choice || choice.locationId !== locationId) return null;
  const country = shopper.countryCode?.toUpperCase() ?? "";
  if (choice.reason === "market-rule" && choice.market) return { reason: "market-rule", market: choice.market.name };
  if (choice.reason === "rule") return { reason: "country-rule", countryCode: country };
  if (choice.reason === "fallback") return { reason: "fallback" };
  return { reason: choice.reason === "nearest" ? "nearest" : "in-country", countryCode: country };
}
