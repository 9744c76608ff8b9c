// What a shopper may swap each returned item for: the other variants of its product (read from the
// Admin API, Crossdock keeps no catalogue) that a location able to ship can sell, by Crossdock's
// inventory mirror less what each location keeps back (the buffer routing applies), priced in the
// shopper's currency. Read when the form is shown and again when it is submitted.
import { exchangeVariants, type ExchangeVariant, type ShippingLocation } from "~/domain/returns/exchange";
import type { OrderRate } from "~/domain/returns/money";
import { stockBufferOf } from "~/domain/locations/stock-buffer";
import { stockBufferPolicyOf } from "~/domain/routing/rules/stock-buffer";
import { listLevelsForVariants } from "~/models/inventory.server";
import { listLocations } from "~/models/locations.server";
import type { ShopRef } from "~/models/scope.server";
import { getShopSettings } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchExchangeCatalog } from "~/shopify/exchanges";
import { loadShopRules } from "./routing-context.server";

export interface ExchangeOfferRequest {
  shop: ShopRef;
  graphql: AdminGraphql;
  /** The returned items: fulfillment line item id, the variant bought, and how many would be swapped. */
  items: readonly { id: string; variantId: string | null; quantity: number }[];
  shopCurrency: string;
  money: { currency: string; rate?: OrderRate };
}

/** Per fulfillment line item: the variants offered instead (none: not exchangeable). */
export async function loadExchangeOffers(request: ExchangeOfferRequest): Promise<Map<string, ExchangeVariant[]>> {
  const offers = new Map<string, ExchangeVariant[]>();
  const bought = request.items.flatMap((i) => (i.variantId ? [i.variantId] : []));
  if (bought.length === 0) return offers;
  const { shop } = request;
  const [catalog, locations, settings, { config }] = await Promise.all([
    fetchExchangeCatalog(request.graphql, bought),
    listLocations(shop, { activeOnly: true }),
    getShopSettings(shop),
    loadShopRules(shop),
  ]);
  const policy = stockBufferPolicyOf(config, settings.stockBuffer);
  // Where routing may send the exchange: active, fulfilling online orders, not paused by staff.
  const shippingLocations: ShippingLocation[] = locations
    .filter((l) => l.fulfillsOnlineOrders && l.routingPausedAt === null)
    .map((l) => ({ id: l.shopifyId, buffer: stockBufferOf({ id: l.shopifyId, stockBuffer: l.stockBuffer }, policy) }));
  const candidates = [...new Set([...catalog.values()].flat().map((v) => v.id))];
  const stock = (await listLevelsForVariants(shop, candidates)).map((l) => ({ variantId: l.variantId, locationId: l.locationShopifyId, available: l.available }));
  for (const item of request.items) {
    const variants = item.variantId ? catalog.get(item.variantId) : undefined;
    if (!variants) continue;
    offers.set(
      item.id,
      exchangeVariants({ returnedVariantId: item.variantId, variants, stock, shippingLocations, quantity: item.quantity, shopCurrency: request.shopCurrency, money: request.money }),
    );
  }
  return offers;
}
