/** Locations: creation and updates, announced as locations/* webhooks. */
import { toAddress, type AddressInput } from "./addresses";
import type { LocalPickupRecord, LocationRecord } from "./records";
import type { ShopState } from "./shop-state";

export interface LocationInput {
  name: string;
  address: AddressInput;
  fulfillsOnlineOrders?: boolean;
  isActive?: boolean;
  localPickup?: LocalPickupRecord | null;
  fulfillmentServiceManager?: LocationRecord["fulfillmentServiceManager"];
  createdAt?: string;
}

export function addLocation(shop: ShopState, input: LocationInput): LocationRecord {
  const now = input.createdAt ?? shop.now();
  const isActive = input.isActive ?? true;
  const location: LocationRecord = {
    __typename: "Location",
    id: shop.nextId("Location"),
    name: input.name,
    address: toAddress(input.address),
    fulfillsOnlineOrders: input.fulfillsOnlineOrders ?? true,
    isActive,
    localPickup: input.localPickup ?? null,
    fulfillmentServiceManager: input.fulfillmentServiceManager ?? "merchant",
    deactivatedAt: isActive ? null : now,
    createdAt: now,
    updatedAt: now,
  };
  shop.locations.set(location.id, location);
  shop.bump();
  shop.emit({ topic: "locations/create", shop: shop.domain, locationId: location.id });
  return location;
}

export interface LocationChanges {
  name?: string;
  address?: AddressInput;
  fulfillsOnlineOrders?: boolean;
  isActive?: boolean;
  localPickup?: LocalPickupRecord | null;
}

export function updateLocation(shop: ShopState, location: LocationRecord, changes: LocationChanges): LocationRecord {
  const now = shop.now();
  const wasActive = location.isActive;
  if (changes.name !== undefined) location.name = changes.name;
  if (changes.address !== undefined) location.address = toAddress({ ...location.address, ...changes.address });
  if (changes.fulfillsOnlineOrders !== undefined) location.fulfillsOnlineOrders = changes.fulfillsOnlineOrders;
  if (changes.localPickup !== undefined) location.localPickup = changes.localPickup;
  if (changes.isActive !== undefined) {
    location.isActive = changes.isActive;
    location.deactivatedAt = changes.isActive ? null : now;
  }
  location.updatedAt = now;
  shop.bump();
  shop.emit({ topic: "locations/update", shop: shop.domain, locationId: location.id });
  if (wasActive !== location.isActive) {
    shop.emit({ topic: location.isActive ? "locations/activate" : "locations/deactivate", shop: shop.domain, locationId: location.id });
  }
  return location;
}

/** Deletes a location; Shopify only deletes deactivated ones. Its inventory levels go with it. */
export function deleteLocation(shop: ShopState, location: LocationRecord): { ok: true } | { ok: false; error: string } {
  if (location.isActive) return { ok: false, error: "Only deactivated locations can be deleted" };
  shop.locations.delete(location.id);
  for (const [key, level] of shop.levels) if (level.locationId === location.id) shop.levels.delete(key);
  shop.bump();
  shop.emit({ topic: "locations/delete", shop: shop.domain, locationId: location.id });
  return { ok: true };
}
