import { upsertShopOnInstall, type Shop } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchShop } from "~/shopify/shop";
import { hasInventoryLevels } from "~/models/inventory-sync.server";
import { lastSucceededJobRun } from "~/models/job-runs.server";
import { startShopImport } from "./import-shop-history.server";
import { publishStorefrontConfig } from "./publish-storefront-config.server";
import { inventorySyncInProgress, startInventorySync } from "./sync-inventory.server";
import { syncLocations } from "./sync-locations.server";
import { syncMarkets } from "./sync-markets.server";

/**
 * After Shopify authenticates a shop (install, re-install, token refresh): record the shop with
 * its profile, then bring its locations and markets in, start the full stock sync on first install (in the
 * background; webhooks and the reconciliation keep stock current afterwards), publish the
 * storefront block's configuration, and import existing open orders and recent returns.
 */
export async function onShopAuthenticated(input: { shop: string; graphql: AdminGraphql }): Promise<Shop> {
  const profile = await fetchShop(input.graphql);
  const shop = await upsertShopOnInstall({
    domain: input.shop,
    name: profile.name,
    email: profile.email,
    currency: profile.currencyCode,
    timezone: profile.timezone,
    country: profile.countryCode,
    plan: profile.plan,
  });
  await syncLocations(shop, input.graphql);
  // Markets: a few points, read like the locations, for the person signing in. (With the background
  // reserve it waited behind a stock sync already under way: a sign-in took over a minute.)
  await syncMarkets(shop, input.graphql);
  const inventory = (await hasInventoryLevels(shop)) ? inventorySyncInProgress(shop.domain) : startInventorySync(shop, input.graphql);
  await publishStorefrontConfig(input.graphql);
  // Existing open orders and recent returns, once per install (again after a re-install, or until
  // an import succeeded): in the background, never routed, after the stock sync (both would share
  // Shopify's rate limit).
  const imported = await lastSucceededJobRun(shop.domain, "import");
  if (!imported || imported.startedAt < shop.installedAt) void (inventory ?? Promise.resolve()).then(() => startShopImport(shop, input.graphql));
  return shop;
}
