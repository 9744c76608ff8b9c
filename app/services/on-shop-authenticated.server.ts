import { upsertShopOnInstall, type Shop } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchShop } from "~/shopify/shop";
import { hasInventoryLevels } from "~/models/inventory-sync.server";
import { publishStorefrontConfig } from "./publish-storefront-config.server";
import { startInventorySync } from "./sync-inventory.server";
import { syncLocations } from "./sync-locations.server";

/**
 * After Shopify authenticates a shop (install, re-install, token refresh): record the shop with
 * its profile, then bring its locations in, start the full stock sync on first install (in the
 * background; webhooks and the reconciliation keep stock current afterwards), and publish the
 * storefront block's configuration.
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
  if (!(await hasInventoryLevels(shop))) void startInventorySync(shop, input.graphql);
  await publishStorefrontConfig(input.graphql);
  return shop;
}
