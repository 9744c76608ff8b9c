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
import { INTERACTIVE_PATIENCE, resilientGraphql } from "~/shopify/resilient-graphql";

/**
 * After Shopify authenticates a shop (install, re-install, token refresh): record the shop with
 * its profile, then bring its locations and markets in, start the full stock sync on first install (in the
 * background; webhooks and the reconciliation keep stock current afterwards), publish the
 * storefront block's configuration, and import existing open orders and recent returns.
 */
export async function onShopAuthenticated(input: { shop: string; graphql: AdminGraphql }): Promise<Shop> {
  // A person waits on these reads (installing, signing in): a few short waits when the shop's bucket
  // is dry (a re-authentication while the import or routing jobs run) and one retry of a 5xx, rather
  // than an error page at the first THROTTLED. The stock sync and the import wrap their own client.
  const graphql = resilientGraphql(input.graphql, INTERACTIVE_PATIENCE);
  const profile = await fetchShop(graphql);
  const shop = await upsertShopOnInstall({
    domain: input.shop,
    name: profile.name,
    email: profile.email,
    currency: profile.currencyCode,
    timezone: profile.timezone,
    country: profile.countryCode,
    plan: profile.plan,
  });
  await syncLocations(shop, graphql);
  // Markets: a few points, read like the locations, for the person signing in (not with the
  // background reserve, which waits behind a stock sync already under way).
  await syncMarkets(shop, graphql);
  const inventory = (await hasInventoryLevels(shop)) ? inventorySyncInProgress(shop.domain) : startInventorySync(shop, input.graphql);
  await publishStorefrontConfig(graphql);
  // Existing open orders and recent returns, once per install (again after a re-install, or until
  // an import succeeded): in the background, never routed, after the stock sync (both would share
  // Shopify's rate limit).
  const imported = await lastSucceededJobRun(shop.domain, "import");
  if (!imported || imported.startedAt < shop.installedAt) void (inventory ?? Promise.resolve()).then(() => startShopImport(shop, input.graphql));
  return shop;
}
