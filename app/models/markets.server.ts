// The shop's Shopify Markets, mirrored from the Admin API (services/sync-markets.server.ts).
import type { ShopMarket } from "~/domain/markets/market";
import { prisma } from "../db.server";
import { inTransaction, type Db, type ShopRef } from "./scope.server";

/** A market as read from Shopify, already mapped. */
export interface ShopifyMarketInput {
  /** gid://shopify/Market/123 */
  shopifyId: string;
  name: string;
  /** MarketStatus: ACTIVE or DRAFT. */
  status: string;
  countries: readonly string[];
}

/**
 * Makes the shop's copy match what Shopify listed: every market written (upsert by its GID),
 * markets no longer listed removed, in one transaction so a reader never sees half a sync.
 */
export async function replaceMarkets(shop: ShopRef, markets: readonly ShopifyMarketInput[], options: { syncedAt?: Date } = {}, db: Db = prisma): Promise<{ written: number; removed: number }> {
  const syncedAt = options.syncedAt ?? new Date();
  return inTransaction(db, async (tx) => {
    for (const m of markets) {
      const fields = { name: m.name, status: m.status, countries: [...m.countries], syncedAt };
      await tx.market.upsert({
        where: { shopId_shopifyId: { shopId: shop.id, shopifyId: m.shopifyId } },
        create: { shopId: shop.id, shopifyId: m.shopifyId, ...fields },
        update: fields,
      });
    }
    const { count } = await tx.market.deleteMany({ where: { shopId: shop.id, shopifyId: { notIn: markets.map((m) => m.shopifyId) } } });
    return { written: markets.length, removed: count };
  });
}

/** The shop's markets as the domain reads them (Market GID as `id`), by name. */
export async function listMarkets(shop: ShopRef, db: Db = prisma): Promise<ShopMarket[]> {
  const rows = await db.market.findMany({ where: { shopId: shop.id }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ id: r.shopifyId, name: r.name, active: r.status === "ACTIVE", countries: r.countries }));
}
