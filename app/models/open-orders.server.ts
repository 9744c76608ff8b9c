import { Prisma } from "@prisma/client";
import { prisma } from "../db.server";
import type { Order } from "./orders.server";
import type { Db, ShopRef } from "./scope.server";

/**
 * The shop's open orders routing never decided on (placed before the install or before
 * auto-routing was switched on, imported on install): not cancelled, closed or wholly fulfilled,
 * with no routing decision; oldest first, at most `limit`. `ids` (Shopify order GIDs) narrows to
 * the orders staff chose, still only among this shop's open, unrouted orders.
 */
export async function listOpenUnroutedOrders(shop: ShopRef, options: { limit: number; ids?: readonly string[] }, db: Db = prisma): Promise<Order[]> {
  const chosen = options.ids ? Prisma.sql`AND o.shopify_id IN (${Prisma.join(options.ids.length ? [...options.ids] : [""])})` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM "order" o
     WHERE o.shop_id = ${shop.id} AND o.cancelled_at IS NULL AND o.closed_at IS NULL
       AND (o.fulfillment_status IS NULL OR o.fulfillment_status <> 'fulfilled')
       AND NOT EXISTS (SELECT 1 FROM routing_decision d WHERE d.shop_id = o.shop_id AND d.order_id = o.shopify_id)
       ${chosen}
     ORDER BY o.shopify_created_at ASC
     LIMIT ${options.limit}`;
  if (rows.length === 0) return [];
  return db.order.findMany({ where: { shopId: shop.id, id: { in: rows.map((r) => r.id) } }, orderBy: { shopifyCreatedAt: "asc" } });
}
