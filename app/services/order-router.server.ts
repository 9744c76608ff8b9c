import { setRoutingStatus, type Order } from "~/models/orders.server";
import type { Shop } from "~/models/shops.server";
import type { RoutingTrigger } from "./route-order.server";

export type RoutingHandoff =
  | { status: "awaiting_routing" }
  /**
   * Shopify has not created the order's fulfillment orders yet: the order stays AWAITING_ROUTING
   * and is routed on fulfillment_orders/order_routing_complete (or by reconciliation).
   */
  | { status: "waiting_for_fulfillment_orders" }
  /** The routing engine decided (moves applied, or a suggestion when auto-routing is off). */
  | { status: "routed"; decision: "APPLIED" | "SUGGESTED" }
  /** The order was handed over before (a replayed or late delivery): nothing done. */
  | { status: "already_handed_over" }
  | { status: "not_routable"; reason: string };

/**
 * The seam between the event pipeline and order routing. The orders/create and
 * fulfillment_orders/order_routing_complete processors (and reconciliation, for an order whose
 * webhooks were lost) hand every new order to the OrderRouter they were given. Implementations
 * must be idempotent: the same order can be handed over again after a crash, and once per webhook.
 */
export interface OrderRouter {
  readonly name: string;
  route(input: { shop: Shop; order: Order; trigger?: RoutingTrigger }): Promise<RoutingHandoff>;
}

/**
 * Until the routing engine is plugged in (the routing issue replaces this default where the
 * processors are built, app/jobs/processors.server.ts): the order is marked AWAITING_ROUTING, which
 * is exactly the state the engine picks orders up from. Cancelled orders are not routable.
 */
export const awaitingRoutingRouter: OrderRouter = {
  name: "awaiting-routing",
  async route({ shop, order }) {
    if (order.cancelledAt) return { status: "not_routable", reason: "the order is cancelled" };
    const marked = await setRoutingStatus(shop, order.id, "AWAITING_ROUTING", null);
    return marked ? { status: "awaiting_routing" } : { status: "already_handed_over" };
  },
};
