import { upsertInventoryLevel, type UpsertInventoryResult } from "~/models/inventory.server";
import { getShopRef } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import type { InventoryLevelUpdate } from "~/shopify/webhook-payloads";
import { ShopNotInstalledError } from "./record-order.server";
import { syncLocations } from "./sync-locations.server";

/**
 * inventory_levels/update: the local per-location stock. An older state than the stored one is
 * refused (webhooks arrive out of order). A level at a location Crossdock does not know yet (its
 * locations/create is still on the way) brings the locations in first.
 */
export async function applyInventoryUpdate(input: {
  shop: string;
  update: InventoryLevelUpdate;
  admin: () => Promise<AdminGraphql>;
}): Promise<UpsertInventoryResult> {
  const level = {
    inventoryItemId: input.update.inventoryItemId,
    locationShopifyId: input.update.locationShopifyId,
    // null: no longer stocked there; Crossdock keeps the row with nothing available.
    available: input.update.available ?? 0,
    shopifyUpdatedAt: input.update.updatedAt,
  };
  // The shop by its domain, in the same statement (one round trip on the worker's hot path).
  const result = await upsertInventoryLevel({ domain: input.shop }, level);
  if (result.applied || result.reason === "stale") return result;
  const shop = await getShopRef(input.shop);
  if (!shop) throw new ShopNotInstalledError(`${input.shop} is not installed (yet)`);
  await syncLocations(shop, await input.admin());
  return upsertInventoryLevel(shop, level);
}
