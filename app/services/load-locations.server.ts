import { describePickupTime, formatAddressLines } from "~/domain/locations/location";
import { getShop } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { INTERACTIVE_PATIENCE, resilientGraphql } from "~/shopify/resilient-graphql";
import { onShopAuthenticated } from "./on-shop-authenticated.server";
import { syncLocations } from "./sync-locations.server";

export interface LocationRow {
  id: string;
  shopifyId: string;
  name: string;
  kind: "WAREHOUSE" | "STORE";
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  addressLines: string[];
  countryCode: string | null;
  coordinates: { latitude: number; longitude: number } | null;
  pickup: { time: string; instructions: string | null } | null;
  syncedAt: string;
}

/** The Locations page: the shop's locations read live from the Admin API (and stored). */
export async function loadLocations(input: { shop: string; graphql: AdminGraphql }): Promise<LocationRow[]> {
  const shop = (await getShop(input.shop)) ?? (await onShopAuthenticated(input));
  const locations = await syncLocations(shop, resilientGraphql(input.graphql, INTERACTIVE_PATIENCE));
  return locations.map((l) => ({
    id: l.id,
    shopifyId: l.shopifyId,
    name: l.name,
    kind: l.kind,
    isActive: l.isActive,
    fulfillsOnlineOrders: l.fulfillsOnlineOrders,
    addressLines: formatAddressLines({
      address1: l.address1,
      address2: l.address2,
      city: l.city,
      province: l.province,
      provinceCode: l.provinceCode,
      zip: l.zip,
      country: l.countryCode ? countryName(l.countryCode) : null,
    }),
    countryCode: l.countryCode,
    coordinates: l.latitude !== null && l.longitude !== null ? { latitude: l.latitude, longitude: l.longitude } : null,
    pickup: l.pickupEnabled
      ? { time: l.pickupTime ? describePickupTime(l.pickupTime) : "Pickup time not set", instructions: l.pickupInstructions }
      : null,
    syncedAt: l.syncedAt.toISOString(),
  }));
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}
