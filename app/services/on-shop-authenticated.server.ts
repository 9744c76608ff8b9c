import { upsertShopOnInstall, type Shop } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchShop } from "~/shopify/shop";
import { syncLocations } from "./sync-locations.server";

/**
 * After Shopify authenticates a shop (install, re-install, token refresh): record the shop with
 * its profile, then bring its locations in.
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
  return shop;
}
