// Inventory levels: one row per (shop, inventory item, location).
import type { InventoryLevel, LocationKind } from "@prisma/client";
import { prisma } from "../db.server";
import { inTransaction, type Db, type ShopRef } from "./scope.server";

export type { InventoryLevel };

export interface InventoryLevelInput {
  /** gid://shopify/InventoryItem/123 */
  inventoryItemId: string;
  /** gid://shopify/Location/123 (the Shopify id, resolved within the shop) */
  locationShopifyId: string;
  /** gid://shopify/ProductVariant/123; omitted = keep what is stored */
  variantId?: string | null;
  /** omitted = keep what is stored */
  sku?: string | null;
  available: number;
  onHand?: number;
  committed?: number;
  incoming?: number;
  /** Shopify's updated_at of this state. */
  shopifyUpdatedAt: Date;
}

export type UpsertInventoryResult =
  | { applied: true }
  /** stale: the stored state is newer; unknown_location: the shop has no such location (sync first) */
  | { applied: false; reason: "stale" | "unknown_location" };

/**
 * Stores an inventory level unless the stored one is newer (webhooks arrive out of order): a state
 * whose shopifyUpdatedAt is older than the stored one is refused; an equal one is applied (replays
 * are idempotent). Race-safe without locks: a conditional UPDATE, else INSERT … ON CONFLICT DO
 * NOTHING, else (someone inserted meanwhile) the conditional UPDATE once more.
 */
export async function upsertInventoryLevel(
  shop: ShopRef,
  level: InventoryLevelInput,
  db: Db = prisma,
): Promise<UpsertInventoryResult> {
  return inTransaction(db, async (tx) => {
    const location = await tx.location.findUnique({
      where: { shopId_shopifyId: { shopId: shop.id, shopifyId: level.locationShopifyId } },
      select: { id: true },
    });
    if (!location) return { applied: false, reason: "unknown_location" } as const;

    const syncedAt = new Date();
    const data = {
      available: level.available,
      ...(level.onHand !== undefined && { onHand: level.onHand }),
      ...(level.committed !== undefined && { committed: level.committed }),
      ...(level.incoming !== undefined && { incoming: level.incoming }),
      ...(level.variantId !== undefined && { variantId: level.variantId }),
      ...(level.sku !== undefined && { sku: level.sku }),
      shopifyUpdatedAt: level.shopifyUpdatedAt,
      syncedAt,
    };
    const key = { shopId: shop.id, inventoryItemId: level.inventoryItemId, locationId: location.id };
    const updateIfNotNewer = () =>
      tx.inventoryLevel.updateMany({
        where: { ...key, shopifyUpdatedAt: { lte: level.shopifyUpdatedAt } },
        data,
      });

    if ((await updateIfNotNewer()).count > 0) return { applied: true } as const;
    const inserted = await tx.inventoryLevel.createMany({
      data: [{ ...key, ...data }],
      skipDuplicates: true,
    });
    if (inserted.count > 0) return { applied: true } as const;
    // The row exists: either it is newer, or it was inserted after the UPDATE above.
    if ((await updateIfNotNewer()).count > 0) return { applied: true } as const;
    return { applied: false, reason: "stale" } as const;
  });
}

export type InventoryLevelWithLocation = InventoryLevel & {
  location: {
    id: string;
    shopifyId: string;
    name: string;
    kind: LocationKind;
    priority: number;
    isActive: boolean;
  };
};

/** The variant's levels at each of the shop's locations, preferred location first. */
export async function listInventoryForVariant(
  shop: ShopRef,
  variantId: string,
  db: Db = prisma,
): Promise<InventoryLevelWithLocation[]> {
  return db.inventoryLevel.findMany({
    where: { shopId: shop.id, variantId },
    include: {
      location: {
        select: { id: true, shopifyId: true, name: true, kind: true, priority: true, isActive: true },
      },
    },
    orderBy: [{ location: { priority: "asc" } }, { location: { name: "asc" } }],
  });
}

/** One level, by inventory item and Crossdock location id. */
export async function getInventoryLevel(
  shop: ShopRef,
  inventoryItemId: string,
  locationId: string,
  db: Db = prisma,
): Promise<InventoryLevel | null> {
  return db.inventoryLevel.findUnique({
    where: { shopId_inventoryItemId_locationId: { shopId: shop.id, inventoryItemId, locationId } },
  });
}
