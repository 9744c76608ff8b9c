import type { RoutingConfigInput } from "~/domain/routing/config";
import type { LocationAttributes, StockAsOf } from "~/domain/routing/order-input";
import { readRuleSet, toRoutingConfig, type RuleSet } from "~/domain/routing/rule-set";
import { logger } from "~/logger.server";
import { startOfShopDay } from "~/domain/reporting/period";
import { getRuleSet, ordersPerLocationSince } from "~/models/routing.server";
import { listLevelsForVariants, upsertInventoryLevel } from "~/models/inventory.server";
import { listLocations, type Location } from "~/models/locations.server";
import { listMarkets } from "~/models/markets.server";
import type { ShopMarket } from "~/domain/markets/market";
import type { ShopRef } from "~/models/scope.server";
import { getShopSettings, getShopTimeZone } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchVariantLevels } from "~/shopify/fulfillment-orders";

/** What every routing use case needs from Crossdock's own data: locations, the shop's buffer and its markets (the mirror). */
export interface RoutingContext {
  locations: LocationAttributes[];
  defaultStockBuffer: number;
  markets: ShopMarket[];
}

export async function loadRoutingContext(shop: ShopRef): Promise<RoutingContext> {
  const [locations, settings, markets] = await Promise.all([listLocations(shop), getShopSettings(shop), listMarkets(shop)]);
  return { locations: locations.map(toLocationAttributes), defaultStockBuffer: settings.stockBuffer, markets };
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
    city: l.city,
    province: l.province,
    provinceCode: l.provinceCode,
    zip: l.zip,
    isActive: l.isActive,
    paused: l.routingPausedAt !== null,
    pausedNote: l.routingPausedNote,
    fulfillsOnlineOrders: l.fulfillsOnlineOrders,
    pickupEnabled: l.pickupEnabled,
    priority: l.priority,
    dailyCapacity: l.dailyCapacity,
    stockBuffer: l.stockBuffer,
    tags: l.tags,
  };
}

/**
 * Orders each location was given today, the daily-capacity rule's load: today is the shop's day,
 * from midnight in its time zone (as the dashboard counts days), not UTC's.
 */
export async function loadOrdersToday(shop: ShopRef, now: Date): Promise<Record<string, number>> {
  return ordersPerLocationSince(shop, startOfShopDay(now, await getShopTimeZone(shop)));
}

/** The shop's routing rule set (the default one until the merchant saves their own). */
export async function loadShopRules(shop: ShopRef): Promise<{ ruleSet: RuleSet; config: RoutingConfigInput; problems: string[] }> {
  const stored = await getRuleSet(shop);
  const { ruleSet, problems } = readRuleSet(stored?.config ?? null);
  if (problems.length) logger.error({ shop: shop.id, problems }, "stored routing rules are invalid; using the default rules");
  return { ruleSet, config: toRoutingConfig(ruleSet), problems };
}

export interface RoutingStock {
  /** `stock[variantId][locationGid]`: available units. */
  stock: Record<string, Record<string, number>>;
  /** When each mirrored level was Shopify's state (levels read live have none: they are now). */
  asOf: Record<string, Record<string, string>> & StockAsOf;
  /** Variants the mirror did not know, read from the Admin API. */
  readLive: string[];
}

/**
 * The stock routing decides on: the levels Crossdock mirrors from inventory webhooks and
 * reconciliation (no Admin API call). A variant the mirror has no level of (a product created
 * after the install's stock sync, whose levels came by webhook without naming the variant) is read
 * live, and what was read goes into the mirror (never over a newer state), so the next order of
 * it is routed from the mirror.
 */
export async function loadRoutingStock(shop: ShopRef, graphql: AdminGraphql, variantIds: readonly string[]): Promise<RoutingStock> {
  const wanted = [...new Set(variantIds)];
  const stock: RoutingStock["stock"] = {};
  const asOf: RoutingStock["asOf"] = {};
  for (const level of await listLevelsForVariants(shop, wanted)) {
    (stock[level.variantId] ??= {})[level.locationShopifyId] = level.available;
    (asOf[level.variantId] ??= {})[level.locationShopifyId] = level.shopifyUpdatedAt.toISOString();
  }
  const readLive = wanted.filter((id) => !stock[id]);
  if (readLive.length) {
    for (const level of await fetchVariantLevels(graphql, readLive)) {
      (stock[level.variantId] ??= {})[level.locationId] = level.available;
      // A location Crossdock does not know yet is skipped here (locations/create brings it).
      await upsertInventoryLevel(shop, {
        inventoryItemId: level.inventoryItemId,
        locationShopifyId: level.locationId,
        variantId: level.variantId,
        sku: level.sku,
        available: level.available,
        shopifyUpdatedAt: level.updatedAt,
      });
    }
  }
  return { stock, asOf, readLive };
}
