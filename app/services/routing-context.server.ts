import type { RoutingConfigInput } from "~/domain/routing/config";
import type { LocationAttributes } from "~/domain/routing/order-input";
import { readRuleSet, toRoutingConfig, type RuleSet } from "~/domain/routing/rule-set";
import { logger } from "~/logger.server";
import { getRuleSet } from "~/models/routing.server";
import { listLocations, type Location } from "~/models/locations.server";
import type { ShopRef } from "~/models/scope.server";
import { getShopSettings } from "~/models/shops.server";

/** What every routing use case needs from Crossdock's own data: locations and the shop's buffer. */
export interface RoutingContext {
  locations: LocationAttributes[];
  defaultStockBuffer: number;
}

export async function loadRoutingContext(shop: ShopRef): Promise<RoutingContext> {
  const [locations, settings] = await Promise.all([listLocations(shop), getShopSettings(shop)]);
  return { locations: locations.map(toLocationAttributes), defaultStockBuffer: settings.stockBuffer };
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
    isActive: l.isActive,
    fulfillsOnlineOrders: l.fulfillsOnlineOrders,
    pickupEnabled: l.pickupEnabled,
    priority: l.priority,
    dailyCapacity: l.dailyCapacity,
    stockBuffer: l.stockBuffer,
    tags: l.tags,
  };
}

/** The shop's routing rule set (the default one until the merchant saves their own). */
export async function loadShopRules(shop: ShopRef): Promise<{ ruleSet: RuleSet; config: RoutingConfigInput; problems: string[] }> {
  const stored = await getRuleSet(shop);
  const { ruleSet, problems } = readRuleSet(stored?.config ?? null);
  if (problems.length) logger.error({ shop: shop.id, problems }, "stored routing rules are invalid; using the default rules");
  return { ruleSet, config: toRoutingConfig(ruleSet), problems };
}
