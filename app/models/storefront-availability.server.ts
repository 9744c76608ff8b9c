// Read paths of the storefront availability endpoint (app proxy). Hot: raw SQL on the indexes
// (inventory_level (shop_id, variant_id), location (shop_id, …)), every query scoped to the shop.
import type { ShopSettings } from "@prisma/client";
import { hotQuery, prisma } from "../db.server";
import type { StorefrontLocation } from "~/domain/availability/types";
import type { Db, ShopRef } from "./scope.server";

export interface StorefrontShop {
  id: string;
  domain: string;
  settings: Pick<ShopSettings, "stockBuffer" | "lowStockThreshold" | "showExactCounts" | "updatedAt"> | null;
}

/** The installed shop with its storefront settings; null when unknown or uninstalled. */
export async function getStorefrontShop(domain: string, db: Db = prisma): Promise<StorefrontShop | null> {
  const shop = await db.shop.findUnique({
    where: { domain },
    select: {
      id: true,
      domain: true,
      uninstalledAt: true,
      settings: { select: { stockBuffer: true, lowStockThreshold: true, showExactCounts: true, updatedAt: true } },
    },
  });
  if (!shop || shop.uninstalledAt) return null;
  return { id: shop.id, domain: shop.domain, settings: shop.settings };
}

/** A StorefrontLocation as stored (keyed by the Shopify GID column). */
export type StorefrontLocationRow = Omit<StorefrontLocation, "id"> & { shopifyId: string };

/** The shop's active locations. */
export async function listStorefrontLocations(shop: ShopRef, db: Db = prisma): Promise<StorefrontLocationRow[]> {
  return db.location.findMany({
    where: { shopId: shop.id, isActive: true },
    select: {
      shopifyId: true,
      name: true,
      address1: true,
      address2: true,
      city: true,
      province: true,
      provinceCode: true,
      zip: true,
      countryCode: true,
      phone: true,
      latitude: true,
      longitude: true,
      pickupEnabled: true,
      pickupTime: true,
      pickupInstructions: true,
      priority: true,
      stockBuffer: true,
    },
    orderBy: [{ priority: "asc" }, { name: "asc" }, { id: "asc" }],
  });
}

/**
 * The installed shop's id and a fingerprint of everything the storefront reads about it (shop,
 * settings, locations): it changes whenever one of them is written, added or removed. Null when
 * the shop is unknown or uninstalled. One statement.
 */
export async function storefrontShopVersion(
  domain: string,
  db?: Db,
): Promise<{ id: string; version: string } | null> {
  const [row] = await hotQuery<{ id: string; n: number; latest: Date | null; settings: Date | null; shop_state: Date }>(
    db,
    `SELECT s.id, s.updated_at AS shop_state,
      (SELECT count(*)::int FROM location WHERE shop_id = s.id) AS n,
      (SELECT max(updated_at) FROM location WHERE shop_id = s.id) AS latest,
      (SELECT updated_at FROM shop_settings WHERE shop_id = s.id) AS settings
    FROM shop s WHERE s.domain = $1 AND s.uninstalled_at IS NULL`,
    [domain],
  );
  if (!row) return null;
  return {
    id: row.id,
    version: `${row.id}:${row.n}:${row.latest?.getTime() ?? 0}:${row.settings?.getTime() ?? 0}:${row.shop_state.getTime()}`,
  };
}

/** A variant's inventory levels (by location GID) and their fingerprint, read in one statement. */
export interface VariantLevels {
  available: Map<string, number>;
  version: string;
}

/**
 * The fingerprint of a variant's inventory levels in the shop: it changes when a level is written
 * (updated_at), added or removed (count), even by a writer that leaves updated_at alone (sum).
 * `variantVersions` computes it in SQL, `listVariantLevels` from the rows it reads: the same string.
 */
function fingerprint(n: number, total: number | string | null, latest: Date | null): string {
  return `${n}:${total ?? 0}:${latest?.getTime() ?? 0}`;
}

/**
 * Shopify's `available` of each variant at each location, keyed by the location's GID, with the
 * levels' fingerprint computed from the same rows (one snapshot, so the fingerprint never belongs
 * to other rows than the ones returned). One statement for all the variants; a variant without
 * levels is answered with an empty map.
 */
export async function listVariantLevels(shop: ShopRef, variantIds: readonly string[], db?: Db): Promise<Map<string, VariantLevels>> {
  const rows = await hotQuery<{ variantId: string; locationId: string; available: number; updatedAt: Date }>(
    db,
    `SELECT il.variant_id AS "variantId", l.shopify_id AS "locationId", il.available, il.updated_at AS "updatedAt"
    FROM inventory_level il JOIN location l ON l.id = il.location_id
    WHERE il.shop_id = $1 AND il.variant_id = ANY($2::text[])`,
    [shop.id, variantIds],
  );
  const byVariant = new Map<string, { available: Map<string, number>; total: number; latest: Date | null }>(
    variantIds.map((id) => [id, { available: new Map(), total: 0, latest: null }]),
  );
  for (const row of rows) {
    const levels = byVariant.get(row.variantId);
    if (!levels) continue;
    levels.available.set(row.locationId, row.available);
    levels.total += row.available;
    if (!levels.latest || row.updatedAt > levels.latest) levels.latest = row.updatedAt;
  }
  return new Map(
    [...byVariant].map(([id, l]) => [id, { available: l.available, version: fingerprint(l.available.size, l.available.size ? l.total : null, l.latest) }]),
  );
}

/** The fingerprints of several variants' inventory levels in the shop (see `fingerprint`), one statement. */
export async function variantVersions(shop: ShopRef, variantIds: readonly string[], db?: Db): Promise<Map<string, string>> {
  const rows = await hotQuery<{ variantId: string; n: number; total: string | null; latest: Date | null }>(
    db,
    `SELECT variant_id AS "variantId", count(*)::int AS n, sum(available)::text AS total, max(updated_at) AS latest
    FROM inventory_level WHERE shop_id = $1 AND variant_id = ANY($2::text[]) GROUP BY variant_id`,
    [shop.id, variantIds],
  );
  const versions = new Map(variantIds.map((id) => [id, fingerprint(0, null, null)]));
  for (const row of rows) versions.set(row.variantId, fingerprint(row.n, row.total, row.latest));
  return versions;
}
