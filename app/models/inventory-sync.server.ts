// Bulk writes of inventory levels for a full sync (incoming is left as stored): one statement per batch instead of a
// transaction per level. Same rule as upsertInventoryLevel: a state older than the stored one
// (shopify_updated_at) never overwrites it, so a webhook processed meanwhile wins.
import { Prisma } from "@prisma/client";
import { prisma } from "../db.server";
import type { Db, ShopRef } from "./scope.server";

export interface BulkLevelInput {
  inventoryItemId: string;
  /** gid://shopify/Location/123 */
  locationShopifyId: string;
  variantId: string | null;
  sku: string | null;
  /** "Product title - Variant title"; absent keeps the stored one. */
  title?: string | null;
  available: number;
  onHand: number;
  committed: number;
  shopifyUpdatedAt: Date;
}

/**
 * Upserts the levels; levels at locations the shop does not have (yet) are skipped and counted.
 * Returns how many rows were written (inserted, or updated because not older).
 */
export async function upsertInventoryLevelsBulk(
  shop: ShopRef,
  levels: readonly BulkLevelInput[],
  db: Db = prisma,
): Promise<{ written: number; unknownLocation: number }> {
  if (levels.length === 0) return { written: 0, unknownLocation: 0 };
  const locations = await db.location.findMany({
    where: { shopId: shop.id, shopifyId: { in: [...new Set(levels.map((l) => l.locationShopifyId))] } },
    select: { id: true, shopifyId: true },
  });
  const locationIds = new Map(locations.map((l) => [l.shopifyId, l.id]));
  const rows = levels.filter((l) => locationIds.has(l.locationShopifyId));
  if (rows.length === 0) return { written: 0, unknownLocation: levels.length };
  const now = new Date();
  const values = rows.map(
    (l) => Prisma.sql`(${`il_${crypto.randomUUID()}`}, ${shop.id}, ${l.inventoryItemId}, ${l.variantId}, ${l.sku}, ${l.title ?? null},
      ${locationIds.get(l.locationShopifyId)!}, ${l.available}, ${l.onHand}, ${l.committed},
      ${l.shopifyUpdatedAt}, ${now}, ${now}, ${now})`,
  );
  const written = await db.$executeRaw`
    INSERT INTO inventory_level (id, shop_id, inventory_item_id, variant_id, sku, title, location_id, available, on_hand,
      committed, shopify_updated_at, synced_at, created_at, updated_at)
    VALUES ${Prisma.join(values)}
    ON CONFLICT (shop_id, inventory_item_id, location_id) DO UPDATE SET
      variant_id = EXCLUDED.variant_id, sku = EXCLUDED.sku, title = COALESCE(EXCLUDED.title, inventory_level.title), available = EXCLUDED.available,
      on_hand = EXCLUDED.on_hand, committed = EXCLUDED.committed,
      shopify_updated_at = EXCLUDED.shopify_updated_at, synced_at = EXCLUDED.synced_at, updated_at = EXCLUDED.updated_at
    WHERE inventory_level.shopify_updated_at <= EXCLUDED.shopify_updated_at`;
  return { written, unknownLocation: levels.length - rows.length };
}

/** Whether Crossdock holds any inventory level at one of the shop's locations (Crossdock's location id). */
export async function hasInventoryLevelsAt(shop: ShopRef, locationId: string, db: Db = prisma): Promise<boolean> {
  return (await db.inventoryLevel.findFirst({ where: { shopId: shop.id, locationId }, select: { id: true } })) !== null;
}

/** Whether Crossdock holds any inventory level of the shop (false before the first full sync). */
export async function hasInventoryLevels(shop: ShopRef, db: Db = prisma): Promise<boolean> {
  return (await db.inventoryLevel.findFirst({ where: { shopId: shop.id }, select: { id: true } })) !== null;
}
