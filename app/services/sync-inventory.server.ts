import { logger } from "~/logger.server";
import { upsertInventoryLevelsBulk } from "~/models/inventory-sync.server";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { forEachVariantInventoryPage } from "~/shopify/inventory";
import { BACKGROUND_RESERVE, resilientGraphql } from "~/shopify/resilient-graphql";
import { invalidateAvailability } from "./availability-cache.server";

export interface InventorySyncResult {
  levels: number;
  written: number;
  /** Levels at locations Crossdock does not have (sync locations first). */
  unknownLocation: number;
}

/**
 * The initial full inventory sync (install, re-install): every variant's level at every location,
 * read page by page through a client that waits out Shopify's throttling, written in bulk. Never
 * overwrites a newer state stored by a webhook meanwhile. Locations must be synced first.
 */
export async function syncInventory(
  shop: ShopRef & { domain: string },
  graphql: AdminGraphql,
): Promise<InventorySyncResult> {
  const client = resilientGraphql(graphql, BACKGROUND_RESERVE);
  let written = 0;
  let unknownLocation = 0;
  const levels = await forEachVariantInventoryPage(client, async (page) => {
    const result = await upsertInventoryLevelsBulk(
      shop,
      page.map((l) => ({
        inventoryItemId: l.inventoryItemId,
        locationShopifyId: l.locationId,
        variantId: l.variantId,
        sku: l.sku,
        title: l.title,
        available: l.available,
        onHand: l.onHand,
        committed: l.committed,
        shopifyUpdatedAt: l.updatedAt,
      })),
    );
    written += result.written;
    unknownLocation += result.unknownLocation;
  });
  invalidateAvailability(shop);
  return { levels, written, unknownLocation };
}

const running = new Map<string, Promise<InventorySyncResult | null>>();

/**
 * Starts the full sync in the background (once per shop at a time) and returns at once: a full
 * sync pays Shopify's query cost for every level (the demo shop: ~15 pages, ~40 s of throttling),
 * which must not hold up the sign-in that triggered it. Failures are logged; the reconciliation
 * job repairs what is missing. The promise resolves null on failure.
 */
export function startInventorySync(shop: ShopRef & { domain: string }, graphql: AdminGraphql): Promise<InventorySyncResult | null> {
  const existing = running.get(shop.domain);
  if (existing) return existing;
  const started = performance.now();
  const work = syncInventory(shop, graphql)
    .then((result) => {
      logger.info({ shop: shop.domain, ...result, ms: Math.round(performance.now() - started) }, "initial inventory sync done");
      return result;
    })
    .catch((error: unknown) => {
      logger.error({ shop: shop.domain, err: error }, "initial inventory sync failed");
      return null;
    })
    .finally(() => running.delete(shop.domain));
  running.set(shop.domain, work);
  return work;
}

/** The shop's full sync in progress in this process, if any. */
export function inventorySyncInProgress(shopDomain: string): Promise<InventorySyncResult | null> | null {
  return running.get(shopDomain) ?? null;
}
