import type { ShopMarket } from "~/domain/markets/market";
import { listMarkets, replaceMarkets } from "~/models/markets.server";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchMarkets } from "~/shopify/markets";

/**
 * Reads every market from the Admin API and makes Crossdock's copy match it (markets gone from
 * Shopify are removed), so the settings page, return destinations and routing read the mirror and
 * never call Shopify per view. Run on install and by each reconciliation, with the client the
 * caller hands in (the background reserve for both). Returns the shop's markets as stored.
 */
export async function syncMarkets(shop: ShopRef, graphql: AdminGraphql): Promise<ShopMarket[]> {
  await replaceMarkets(shop, await fetchMarkets(graphql));
  return listMarkets(shop);
}
