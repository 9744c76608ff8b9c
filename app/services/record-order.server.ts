import { getOrderByShopifyId, upsertOrderSnapshot, type Order, type OrderSnapshotInput } from "~/models/orders.server";
import { hasDecision } from "~/models/routing.server";
import { routingCutoff, stillToFulfil } from "~/domain/shops/routing-cutoff";
import { getShop, getShopSettings, type Shop } from "~/models/shops.server";
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
  // An order placed before Crossdock was installed, or before auto-routing was last switched, is
  // Shopify's (and the merchant's) as it stands: seeing it for the first time (an orders/updated, a
  // reconciliation) does not route it; nor does seeing a closed or delivered order.
  const mayRoute = async () => stillToFulfil(stored.order) && stored.order.shopifyCreatedAt >= routingCutoff(shop, await getShopSettings(shop));
  // An order held before routing (unpaid, high risk) is looked at again on each of its updates
  // (orders/updated follows its payment): routed once the hold ends.
  const held = stored.order.routingHold !== null && input.handOver !== "never" && stillToFulfil(stored.order);
  const handOver =
    input.handOver === "always" ||
    held ||
    (input.handOver === "if-new" && stored.created && (await mayRoute())) ||
    (input.handOver === "if-unrouted" && (stored.created || !(await hasDecision(shop, stored.order.shopifyId))) && (await mayRoute()));
  const trigger = held && input.handOver === "if-new" ? "hold-ended" : input.trigger;
  const routing = handOver ? await input.router.route({ shop, order: stored.order, ...(trigger ? { trigger } : {}) }) : null;
  return { status: "stored", order: stored.order, created: stored.created, routing };
}
