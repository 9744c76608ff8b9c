import { formatAddressLines } from "~/domain/locations/location";
import { listLocations } from "~/models/locations.server";
import type { ShopRef } from "~/models/scope.server";

export interface LocationRow {
  id: string;
  shopifyId: string;
  name: string;
  kind: "WAREHOUSE" | "STORE";
  isActive: boolean;
  /** Staff paused routing here (Crossdock's own switch). */
  routingPaused: boolean;
  fulfillsOnlineOrders: boolean;
  addressLines: string[];
  countryCode: string | null;
  coordinates: { latitude: number; longitude: number } | null;
  /** pickupTime: Shopify's DeliveryLocalPickupTime (ONE_HOUR …), null when not set. */
  pickup: { pickupTime: string | null; instructions: string | null } | null;
  syncedAt: string;
}

/**
 * The Locations page: the shop's locations as Crossdock keeps them (synced on install, by the
 * locations/* webhooks, the reconciliation and the page's "Refresh from Shopify"), read from the
 * database: viewing the page asks nothing of Shopify. Country names in the staff member's language.
 */
export async function loadLocations(input: { shop: ShopRef; locale: string }): Promise<{ locations: LocationRow[]; syncedAt: string | null }> {
  const regionNames = new Intl.DisplayNames([input.locale, "en"], { type: "region" });
  const countryName = (code: string) => {
    try {
      return regionNames.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const stored = await listLocations(input.shop);
  const locations = stored.map((l) => ({
    id: l.id,
    shopifyId: l.shopifyId,
    name: l.name,
    kind: l.kind,
    isActive: l.isActive,
    routingPaused: l.routingPausedAt !== null,
    fulfillsOnlineOrders: l.fulfillsOnlineOrders,
    addressLines: formatAddressLines({
      address1: l.address1,
      address2: l.address2,
      city: l.city,
      province: l.province,
      provinceCode: l.provinceCode,
      zip: l.zip,
      country: l.countryCode ? countryName(l.countryCode) : null,
      countryCode: l.countryCode,
    }),
    countryCode: l.countryCode,
    coordinates: l.latitude !== null && l.longitude !== null ? { latitude: l.latitude, longitude: l.longitude } : null,
    pickup: l.pickupEnabled ? { pickupTime: l.pickupTime, instructions: l.pickupInstructions } : null,
    syncedAt: l.syncedAt.toISOString(),
  }));
  const syncedAt = locations.reduce<string | null>((latest, l) => (latest === null || l.syncedAt > latest ? l.syncedAt : latest), null);
  return { locations, syncedAt };
}
