// Inventory levels: one row per (shop, inventory item, location).
import type { InventoryLevel, LocationKind } from "@prisma/client";
import { randomBytes } from "node:crypto";
import { hotQuery, prisma, utcTimestamp } from "../db.server";
import type { Db, ShopRef } from "./scope.server";

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
  /** variantId: the level's variant as stored (null when Crossdock does not know it yet). */
  | { applied: true; variantId: string | null }
  /**
   * stale: the stored state is newer; unknown_location: the shop has no such location (sync first);
   * unknown_shop: no shop of that domain (only when the shop is given by its domain).
   */
  | { applied: false; reason: "stale" | "unknown_location" | "unknown_shop" };

/**
 * Stores an inventory level unless the stored one is newer (webhooks arrive out of order): a state
 * whose shopifyUpdatedAt is older than the stored one is refused; an equal one is applied (replays
 * are idempotent). One statement, race-safe without locks or a transaction: INSERT … ON CONFLICT DO
 * UPDATE … WHERE stored <= incoming, with the location resolved inside it (the worker's hot path:
 * bench:webhooks). The shop is its row or its domain (a webhook's: resolved in the same statement).
 */
export async function upsertInventoryLevel(
  shop: ShopRef | { domain: string },
  level: InventoryLevelInput,
  db?: Db,
): Promise<UpsertInventoryResult> {
  const now = utcTimestamp(new Date());
  const byDomain = "domain" in shop && !("id" in shop);
  const [row] = await hotQuery<{ shops: number; locations: number; applied: number; variantId: string | null }>(
    db,
    `WITH s AS (
       ${byDomain ? `SELECT "id" FROM "shop" WHERE "domain" = $1` : `SELECT $1::text AS "id"`}
     ), loc AS (
       SELECT l."id", l."shop_id" FROM "location" l JOIN s ON l."shop_id" = s."id" WHERE l."shopify_id" = $2
     ), up AS (
       INSERT INTO "inventory_level" AS il
         ("id", "shop_id", "inventory_item_id", "location_id", "variant_id", "sku", "available", "on_hand",
          "committed", "incoming", "shopify_updated_at", "synced_at", "created_at", "updated_at")
       SELECT $3, loc."shop_id", $4, loc."id", $5, $6, $7, coalesce($8::int, 0), coalesce($9::int, 0), coalesce($10::int, 0),
              $11::timestamp, $12::timestamp, $12::timestamp, $12::timestamp
         FROM loc
       ON CONFLICT ("shop_id", "inventory_item_id", "location_id") DO UPDATE SET
         "available" = EXCLUDED."available",
         "on_hand" = CASE WHEN $8::int IS NULL THEN il."on_hand" ELSE EXCLUDED."on_hand" END,
         "committed" = CASE WHEN $9::int IS NULL THEN il."committed" ELSE EXCLUDED."committed" END,
         "incoming" = CASE WHEN $10::int IS NULL THEN il."incoming" ELSE EXCLUDED."incoming" END,
         "variant_id" = CASE WHEN $13::boolean THEN EXCLUDED."variant_id" ELSE il."variant_id" END,
         "sku" = CASE WHEN $14::boolean THEN EXCLUDED."sku" ELSE il."sku" END,
         "shopify_updated_at" = EXCLUDED."shopify_updated_at",
         "synced_at" = EXCLUDED."synced_at",
         "updated_at" = EXCLUDED."updated_at"
       WHERE il."shopify_updated_at" <= EXCLUDED."shopify_updated_at"
       RETURNING il."variant_id"
     )
     SELECT (SELECT count(*) FROM s)::int AS "shops", (SELECT count(*) FROM loc)::int AS "locations", (SELECT count(*) FROM up)::int AS "applied",
            (SELECT "variant_id" FROM up LIMIT 1) AS "variantId"`,
    [
      byDomain ? shop.domain : shop.id,
      level.locationShopifyId,
      newId(),
      level.inventoryItemId,
      level.variantId ?? null,
      level.sku ?? null,
      level.available,
      level.onHand ?? null,
      level.committed ?? null,
      level.incoming ?? null,
      utcTimestamp(level.shopifyUpdatedAt),
      now,
      level.variantId !== undefined,
      level.sku !== undefined,
    ],
  );
  if (!row || row.shops === 0) return { applied: false, reason: "unknown_shop" };
  if (row.locations === 0) return { applied: false, reason: "unknown_location" };
  return row.applied > 0 ? { applied: true, variantId: row.variantId } : { applied: false, reason: "stale" };
}

/** An id for rows inserted with raw SQL (cuid-like: a letter, the time, randomness). */
function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(9).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "0")}`;
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

export interface MirroredLevel {
  variantId: string;
  /** gid://shopify/Location/123 */
  locationShopifyId: string;
  available: number;
  /** Shopify's time of this state. */
  shopifyUpdatedAt: Date;
}

/** The mirrored levels of these variants at every location of the shop (what routing reads). */
export async function listLevelsForVariants(shop: ShopRef, variantIds: readonly string[], db: Db = prisma): Promise<MirroredLevel[]> {
  if (variantIds.length === 0) return [];
  const rows = await db.inventoryLevel.findMany({
    where: { shopId: shop.id, variantId: { in: [...new Set(variantIds)] } },
    select: { variantId: true, available: true, shopifyUpdatedAt: true, location: { select: { shopifyId: true } } },
  });
  return rows.flatMap((r) =>
    r.variantId ? [{ variantId: r.variantId, locationShopifyId: r.location.shopifyId, available: r.available, shopifyUpdatedAt: r.shopifyUpdatedAt }] : [],
  );
}
