/**
 * fulfillment_orders/order_routing_complete: Shopify finished its own routing of an order and its
 * fulfillment orders exist, so Crossdock's routing can run. The payload names one fulfillment order
 * (one delivery per fulfillment order); the order is read from it. Every delivery after the first
 * finds the order's decision claimed and changes nothing.
 *
 * An order Crossdock has not stored yet (its orders/create is still queued, or was lost) is left to
 * that delivery or to reconciliation: when they run, the fulfillment orders exist and the order is
 * routed then.
 */
import { getOrderByShopifyId } from "~/models/orders.server";
import { getShop } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchFulfillmentOrderOrderId } from "~/shopify/fulfillment-orders";
import type { OrderRouter, RoutingHandoff } from "./order-router.server";
import { ShopNotInstalledError } from "./record-order.server";

export type RoutingCompleteResult =
  | { status: "handed-over"; orderId: string; routing: RoutingHandoff }
  | { status: "fulfillment-order-not-found" }
  | { status: "order-not-stored"; orderId: string };

export async function routeAfterRoutingComplete(input: {
  shop: string;
  fulfillmentOrderId: string;
  graphql: AdminGraphql;
  router: OrderRouter;
}): Promise<RoutingCompleteResult> {
  const shop = await getShop(input.shop);
  if (!shop) throw new ShopNotInstalledError(`${input.shop} is not installed (yet)`);
  const orderId = await fetchFulfillmentOrderOrderId(input.graphql, input.fulfillmentOrderId);
  if (!orderId) return { status: "fulfillment-order-not-found" };
  const order = await getOrderByShopifyId(shop, orderId);
  if (!order) return { status: "order-not-stored", orderId };
  const routing = await input.router.route({ shop, order, trigger: "fulfillment_orders/order_routing_complete" });
  return { status: "handed-over", orderId, routing };
}
