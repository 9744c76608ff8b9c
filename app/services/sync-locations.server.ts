import type { LocationSnapshot } from "~/domain/locations/location";
import { deleteLocation, listLocations, upsertLocationsFromShopify, type Location, type ShopifyLocationInput } from "~/models/locations.server";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchLocations } from "~/shopify/locations";

/**
 * Reads every location from the Admin API and makes Crossdock's copy match it: new and changed
 * locations are written (Crossdock's own routing attributes are kept), locations gone from
 * Shopify are removed. Returns the shop's locations as stored.
 */
export async function syncLocations(shop: ShopRef, graphql: AdminGraphql): Promise<Location[]> {
  const snapshots = await fetchLocations(graphql);
  await upsertLocationsFromShopify(shop, snapshots.map(toLocationInput));
  const live = new Set(snapshots.map((s) => s.shopifyId));
  const stored = await listLocations(shop);
  const gone = stored.filter((l) => !live.has(l.shopifyId));
  for (const location of gone) await deleteLocation(shop, location.shopifyId);
  return gone.length ? stored.filter((l) => live.has(l.shopifyId)) : stored;
}

export function toLocationInput(snapshot: LocationSnapshot): ShopifyLocationInput {
  const { address, pickup } = snapshot;
  return {
    shopifyId: snapshot.shopifyId,
    legacyResourceId: snapshot.legacyId,
    name: snapshot.name,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    provinceCode: address.provinceCode,
    zip: address.zip,
    phone: address.phone,
    countryCode: address.countryCode,
    latitude: address.latitude,
    longitude: address.longitude,
    isActive: snapshot.isActive,
    fulfillsOnlineOrders: snapshot.fulfillsOnlineOrders,
    pickupEnabled: pickup !== null,
    pickupTime: pickup?.pickupTime ?? null,
    pickupInstructions: pickup?.instructions ?? null,
  };
}
