import type { LocationAttributes } from "~/domain/routing/order-input";
import { listLocations, type Location } from "~/models/locations.server";
import type { ShopRef } from "~/models/scope.server";
import { getShopSettings } from "~/models/shops.server";

/** What every routing use case needs from Crossdock's own data: locations and the shop's buffer. */
export interface RoutingContext {
  locations: LocationAttributes[];
  defaultStockBuffer: number;
}

export async function loadRoutingContext(shop: ShopRef): Promise<RoutingContext> {
  const [locations, settings] = await Promise.all([listLocations(shop), getShopSettings(shop)]);
  return { locations: locations.map(toLocationAttributes), defaultStockBuffer: settings.stockBuffer };
}

export function toLocationAttributes(l: Location): LocationAttributes {
  return {
    shopifyId: l.shopifyId,
    legacyResourceId: l.legacyResourceId,
    name: l.name,
    kind: l.kind === "STORE" ? "store" : "warehouse",
    countryCode: l.countryCode,
    latitude: l.latitude,
    longitude: l.longitude,
    isActive: l.isActive,
    fulfillsOnlineOrders: l.fulfillsOnlineOrders,
    pickupEnabled: l.pickupEnabled,
    priority: l.priority,
    dailyCapacity: l.dailyCapacity,
    stockBuffer: l.stockBuffer,
    tags: l.tags,
  };
}
