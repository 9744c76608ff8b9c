import { getOrderByShopifyId, upsertOrderSnapshot, type Order, type OrderSnapshotInput } from "~/models/orders.server";
import { getShop, type Shop } from "~/models/shops.server";
import type { OrderRouter, RoutingHandoff } from "./order-router.server";
import type { RoutingTrigger } from "./route-order.server";

export type RecordOrderResult =
  | { status: "stored"; order: Order; created: boolean; routing: RoutingHandoff | null }
  /** Crossdock holds a newer state of the order: this (late) one was ignored. */
  | { status: "stale" };

export class ShopNotInstalledError extends Error {
  override name = "ShopNotInstalledError";
}

/**
 * Stores an order's state from Shopify (a webhook or reconciliation), newest state wins, and hands
 * new orders to routing. `handOver`: "always" for orders/create, "if-new" for orders/updated (an
 * order first seen there had its orders/create lost or delayed), "if-unrouted" for reconciliation:
 * also the orders still waiting for routing (both their webhooks lost, or Shopify's
 * order_routing_complete never reached Crossdock).
 */
export async function recordOrder(input: {
  shop: string | Shop;
  snapshot: OrderSnapshotInput;
  router: OrderRouter;
  handOver: "always" | "if-new" | "if-unrouted" | "never";
  trigger?: RoutingTrigger;
}): Promise<RecordOrderResult> {
  const shop = typeof input.shop === "string" ? await getShop(input.shop) : input.shop;
  // Webhooks can arrive before the install finished: retried later by the queue.
  if (!shop) throw new ShopNotInstalledError(`${String(input.shop)} is not installed (yet)`);
  const stored = await upsertOrderSnapshot(shop, input.snapshot);
  if (!stored.applied) {
    // orders/create retried after its routing failed, when a newer state has arrived meanwhile (the
    // orders/updated a move whose answer was lost causes): the routing it owes still runs on the
    // stored order; the router answers "already routed" unless the last attempt failed.
    const current = input.handOver === "always" ? await getOrderByShopifyId(shop, input.snapshot.shopifyId) : null;
    if (!current) return { status: "stale" };
    const routing = await input.router.route({ shop, order: current, ...(input.trigger ? { trigger: input.trigger } : {}) });
    return { status: "stored", order: current, created: false, routing };
  }
  const unrouted = stored.order.routingStatus === null || stored.order.routingStatus === "AWAITING_ROUTING";
  const handOver =
    input.handOver === "always" ||
    (input.handOver === "if-new" && stored.created) ||
    (input.handOver === "if-unrouted" && (stored.created || unrouted));
  const routing = handOver ? await input.router.route({ shop, order: stored.order, ...(input.trigger ? { trigger: input.trigger } : {}) }) : null;
  return { status: "stored", order: stored.order, created: stored.created, routing };
}
