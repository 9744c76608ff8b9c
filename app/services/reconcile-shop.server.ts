import { finishJobRun, lastSucceededJobRun, startJobRun, type JobRun } from "~/models/job-runs.server";
import { getInventoryLevel, upsertInventoryLevel } from "~/models/inventory.server";
import { hasInventoryLevelsAt } from "~/models/inventory-sync.server";
import { getOrderByShopifyId } from "~/models/orders.server";
import { listOrdersWithoutDecision } from "~/models/routing.server";
import { routingCutoff, stillToFulfil } from "~/domain/shops/routing-cutoff";
import { getShop, getShopSettings } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchLocationInventory, fetchLocationInventoryChanges, fetchLocationInventoryOf, type InventoryLevelSnapshot } from "~/shopify/inventory-levels";
import { fetchOrderSnapshots, fetchOrdersChangedSince } from "~/shopify/order-snapshots";
import type { OrderRouter } from "./order-router.server";
import { recordOrder } from "./record-order.server";
import { syncLocations } from "./sync-locations.server";
import { syncMarkets } from "./sync-markets.server";

export interface ReconcileResult {
  /** What Shopify changed from this time on was compared (null: everything, the first pass). */
  changedSince: string | null;
  locations: number;
  markets: number;
  ordersChecked: number;
  ordersRepaired: number;
  ordersHandedToRouting: number;
  inventoryChecked: number;
  inventoryRepaired: number;
}

/**
 * A pass compares what Shopify changed since the previous successful pass began, less this margin
 * (Shopify's clock against ours, and changes stamped while that pass was reading). What a pass
 * costs is then what changed, not the whole shop: every location's stock at 9 points a level would
 * take a Standard-plan shop's whole rate limit (100 points/s) at a few thousand levels per 15
 * minutes (README, "Shopify API budget").
 */
export const RECONCILE_OVERLAP_MS = 5 * 60_000;

export interface ReconcileOptions {
  /** How far back "recent orders" reaches. Default 24 hours. */
  ordersWindowMs?: number;
  now?: Date;
}

/**
 * Compares Crossdock's copy of the shop with the Admin API and repairs what a lost or late webhook
 * left stale: locations (added, changed, removed), orders changed in the window (a lost
 * orders/create is stored and handed to routing; an order still waiting for routing, whose
 * order_routing_complete was lost, is handed over again), and the stock of every location. After a
 * successful pass, the next one asks only for the orders and stock levels Shopify changed since it
 * began (RECONCILE_OVERLAP_MS earlier), plus the orders Crossdock holds as still waiting for
 * routing; the first pass, or one after a gap longer than the orders window, reads everything.
 * Orders and changed levels are listed first (id and updatedAt) and read in full only where
 * Crossdock's copy is older, so a pass where webhooks arrived costs a point or two per change.
 * Each write keeps
 * the newest state by Shopify's updatedAt, so a late webhook processed after this run cannot
 * overwrite what it repaired, and this run cannot overwrite a newer webhook. Recorded as a JobRun
 * (the Activity page).
 */
export async function reconcileShop(input: {
  shop: string;
  graphql: AdminGraphql;
  router: OrderRouter;
  options?: ReconcileOptions;
}): Promise<{ run: JobRun; result: ReconcileResult | null }> {
  const run = await startJobRun(input.shop, "reconcile");
  try {
    const result = await reconcile(input);
    return { run: await finishJobRun(run, { status: "SUCCEEDED", result: { ...result } }), result };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await finishJobRun(run, { status: "FAILED", error: message });
    throw error;
  }
}

async function reconcile(input: {
  shop: string;
  graphql: AdminGraphql;
  router: OrderRouter;
  options?: ReconcileOptions;
}): Promise<ReconcileResult> {
  const shop = await getShop(input.shop);
  if (!shop) throw new Error(`${input.shop} is not installed`);
  const now = input.options?.now ?? new Date();
  const windowStart = now.getTime() - (input.options?.ordersWindowMs ?? 24 * 3600_000);
  const previous = await lastSucceededJobRun(input.shop, "reconcile");
  const changedSince = previous && previous.startedAt.getTime() - RECONCILE_OVERLAP_MS > windowStart ? new Date(previous.startedAt.getTime() - RECONCILE_OVERLAP_MS) : null;
  const since = changedSince ?? new Date(windowStart);

  const locations = await syncLocations(shop, input.graphql);
  // Markets are few and Shopify sends Crossdock no webhook for them: read them whole each pass.
  const markets = await syncMarkets(shop, input.graphql);

  // Orders: which Shopify changed in the window, then snapshots of those Crossdock holds older.
  const changed = await fetchOrdersChangedSince(input.graphql, since);
  const stale: string[] = [];
  for (const order of changed) {
    const before = await getOrderByShopifyId(shop, order.id);
    if (!before || before.shopifyUpdatedAt < order.updatedAt) stale.push(order.id);
  }
  const snapshots = await fetchOrderSnapshots(input.graphql, stale);
  let ordersRepaired = 0;
  let ordersHandedToRouting = 0;
  for (const snapshot of snapshots) {
    const before = await getOrderByShopifyId(shop, snapshot.shopifyId);
    const recorded = await recordOrder({ shop, snapshot, router: input.router, handOver: "if-unrouted", trigger: "reconciliation" });
    if (recorded.status !== "stored") continue;
    if (!before || before.shopifyUpdatedAt < snapshot.shopifyUpdatedAt) ordersRepaired++;
    if (recorded.routing && recorded.routing.status !== "already_handed_over" && recorded.routing.status !== "not_routable") ordersHandedToRouting++;
  }
  // Orders still waiting for routing that were not read again (Crossdock's copy is current, or
  // Shopify did not change them since the previous pass) are handed over again too.
  const read = new Set(snapshots.map((o) => o.shopifyId));
  const cutoff = routingCutoff(shop, await getShopSettings(shop));
  for (const order of await listOrdersWithoutDecision(shop, { createdSince: new Date(Math.max(windowStart, cutoff.getTime())) })) {
    if (read.has(order.shopifyId) || !stillToFulfil(order)) continue;
    const routing = await input.router.route({ shop, order, trigger: "reconciliation" });
    if (routing.status !== "already_handed_over" && routing.status !== "not_routable") ordersHandedToRouting++;
  }

  // Stock: a full read on the first pass (and for a location Crossdock holds no stock for yet);
  // afterwards, which levels Shopify changed, then those Crossdock holds older.
  let inventoryChecked = 0;
  let inventoryRepaired = 0;
  for (const location of locations.filter((l) => l.isActive)) {
    let levels: InventoryLevelSnapshot[] | null;
    if (changedSince !== null && (await hasInventoryLevelsAt(shop, location.id))) {
      const changes = await fetchLocationInventoryChanges(input.graphql, location.shopifyId, changedSince);
      if (!changes) continue;
      inventoryChecked += changes.length;
      const older: string[] = [];
      for (const change of changes) {
        const before = await getInventoryLevel(shop, change.inventoryItemId, location.id);
        if (!before || before.shopifyUpdatedAt < change.updatedAt) older.push(change.inventoryItemId);
      }
      levels = older.length ? await fetchLocationInventoryOf(input.graphql, location.shopifyId, older) : [];
    } else {
      levels = await fetchLocationInventory(input.graphql, location.shopifyId);
      inventoryChecked += levels?.length ?? 0;
    }
    for (const level of levels ?? []) {
      const before = await getInventoryLevel(shop, level.inventoryItemId, location.id);
      const result = await upsertInventoryLevel(shop, {
        inventoryItemId: level.inventoryItemId,
        locationShopifyId: location.shopifyId,
        variantId: level.variantId,
        sku: level.sku,
        available: level.available,
        onHand: level.onHand,
        committed: level.committed,
        incoming: level.incoming,
        shopifyUpdatedAt: level.updatedAt,
      });
      if (result.applied && (before === null || before.available !== level.available || before.onHand !== level.onHand)) {
        inventoryRepaired++;
      }
    }
  }

  return {
    changedSince: changedSince?.toISOString() ?? null,
    locations: locations.length,
    markets: markets.length,
    ordersChecked: changed.length,
    ordersRepaired,
    ordersHandedToRouting,
    inventoryChecked,
    inventoryRepaired,
  };
}
