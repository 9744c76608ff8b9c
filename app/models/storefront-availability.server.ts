// Read paths of the storefront availability endpoint (app proxy). Hot: raw SQL on the indexes
// (inventory_level (shop_id, variant_id), location (shop_id, …)), every query scoped to the shop.
import type { ShopSettings } from "@prisma/client";
import { hotQuery, prisma } from "../db.server";
import type { StorefrontLocation } from "~/domain/availability/types";
import { storedOrderStop } from "./locations.server";
import type { Db, ShopRef } from "./scope.server";

export interface StorefrontShop {
  id: string;
  domain: string;
  settings: Pick<ShopSettings, "stockBuffer" | "lowStockThreshold" | "showExactCounts" | "updatedAt"> | null;
  /** The stored routing rule set (raw JSON; null = the default rules): its stock-buffer rule decides buffers. */
  routingRules: unknown;
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
      routingRuleSet: { select: { config: true } },
    },
  });
  if (!shop || shop.uninstalledAt) return null;
  return { id: shop.id, domain: shop.domain, settings: shop.settings, routingRules: shop.routingRuleSet?.config ?? null };
}

/** A StorefrontLocation as stored: the Shopify GID column, and the row id inventory levels refer to. */
export type StorefrontLocationRow = Omit<StorefrontLocation, "id"> & { shopifyId: string; rowId: string };

/** The shop's locations that take orders now (active, not paused by staff: storedOrderStop). */
export async function listStorefrontLocations(shop: ShopRef, db: Db = prisma): Promise<StorefrontLocationRow[]> {
  const rows = await db.location.findMany({
    where: { shopId: shop.id },
    select: {
      id: true,
      isActive: true,
      routingPausedAt: true,
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
  return rows.filter((row) => storedOrderStop(row) === null).map(({ id, isActive: _active, routingPausedAt: _paused, ...row }) => ({ ...row, rowId: id }));
}

/**
 * At most this many changed variants are named by a check, read from at most this many changed
 * levels (a bounded index range, however far behind the check's position is); more, and the check
 * says "all".
 */
export const CHANGED_VARIANTS_LIMIT = 1_000;
const CHANGED_LEVELS_LIMIT = 10 * CHANGED_VARIANTS_LIMIT;

/**
 * One check of a shop for the storefront cache (services/availability-cache.server.ts), one
 * statement on indexes:
 * - `version`: a fingerprint of everything the storefront reads about the shop (shop, settings,
 *   routing rules (their stock buffer), locations): it changes whenever one of them is written, added or removed ("none" when the shop is
 *   unknown or uninstalled);
 * - `changed`: the variants whose levels were written, since the position `since`, by a transaction
 *   that the previous check could not see (each level records its writer in change_xid, set by a
 *   trigger: migrations/20261206072500_…);
 * - `since` for the next check: this statement's snapshot as "xmax:xip…", the first transaction id
 *   not yet started and the ids still running. A write this statement cannot see belongs to one of
 *   those running transactions or to a later one, so the next check finds it, in whatever order the
 *   writers commit. (The running ids are asked for one by one: a long transaction elsewhere does not
 *   hold the range back.)
 */
export async function checkStorefrontShop(
  domain: string,
  since: string | null,
  db?: Db,
): Promise<{ version: string; since: string; changed: string[] | "all" }> {
  const [from, running = ""] = since === null ? [null] : since.split(":");
  const [row] = await hotQuery<{
    position: string;
    id: string | null;
    n: number | null;
    latest: Date | null;
    settings: Date | null;
    rules: Date | null;
    shop_state: Date | null;
    changed: string[] | null;
    scanned: number;
  }>(
    db,
    `WITH s AS (
      SELECT id, updated_at FROM shop WHERE domain = $1 AND uninstalled_at IS NULL
    ), w AS (
      SELECT variant_id FROM inventory_level
       WHERE shop_id = (SELECT id FROM s) AND (change_xid >= $2::xid8 OR change_xid = ANY($4::xid8[])) LIMIT $3
    )
    SELECT pg_snapshot_xmax(pg_current_snapshot())::text || ':' ||
        array_to_string(ARRAY(SELECT pg_snapshot_xip(pg_current_snapshot())), ',') AS position,
      s.id, s.updated_at AS shop_state,
      (SELECT count(*)::int FROM location WHERE shop_id = s.id) AS n,
      (SELECT max(updated_at) FROM location WHERE shop_id = s.id) AS latest,
      (SELECT updated_at FROM shop_settings WHERE shop_id = s.id) AS settings,
      (SELECT updated_at FROM routing_rule_set WHERE shop_id = s.id) AS rules,
      ARRAY(SELECT DISTINCT variant_id FROM w WHERE variant_id IS NOT NULL) AS changed,
      (SELECT count(*)::int FROM w) AS scanned
    FROM (SELECT 1) AS one LEFT JOIN s ON true`,
    [domain, from, CHANGED_LEVELS_LIMIT, running ? running.split(",") : []],
  );
  if (!row) throw new Error("the storefront check returned no row");
  const changed = row.changed ?? [];
  return {
    version: row.id
      ? `${row.id}:${row.n ?? 0}:${row.latest?.getTime() ?? 0}:${row.settings?.getTime() ?? 0}:${row.rules?.getTime() ?? 0}:${row.shop_state?.getTime() ?? 0}`
      : "none",
    since: row.position,
    changed: changed.length > CHANGED_VARIANTS_LIMIT || row.scanned >= CHANGED_LEVELS_LIMIT ? "all" : changed,
  };
}

/** A variant's inventory levels: `available` by location row id, in location order. */
export interface VariantLevels {
  available: Map<string, number>;
}

/**
 * Shopify's `available` of each variant at each location (keyed by the location's row id), for
 * several variants in one statement answered from the index alone
 * (inventory_level (shop_id, variant_id, location_id, available)). A variant without levels is
 * answered with an empty map.
 */
export async function listVariantLevels(shop: ShopRef, variantIds: readonly string[], db?: Db): Promise<Map<string, VariantLevels>> {
  const rows = await hotQuery<{ variantId: string; locationId: string; available: number }>(
    db,
    `SELECT variant_id AS "variantId", location_id AS "locationId", available
    FROM inventory_level WHERE shop_id = $1 AND variant_id = ANY($2::text[])
    ORDER BY variant_id, location_id`,
    [shop.id, variantIds],
  );
  const byVariant = new Map<string, VariantLevels>(variantIds.map((id) => [id, { available: new Map() }]));
  for (const row of rows) byVariant.get(row.variantId)?.available.set(row.locationId, row.available);
  return byVariant;
}
