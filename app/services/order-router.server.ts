import type { Order } from "~/models/orders.server";
import type { Shop } from "~/models/shops.server";
import type { RoutingTrigger } from "./route-order.server";

export type RoutingHandoff =
  /**
   * Shopify has not created the order's fulfillment orders yet: the order has no routing decision
   * and is routed on fulfillment_orders/order_routing_complete (or by reconciliation).
   */
  | { status: "waiting_for_fulfillment_orders" }
  /** Held before routing (not paid yet, high risk: hold.ts); routed when its payment or risk changes. */
  | { status: "held"; hold: "AWAITING_PAYMENT" | "HIGH_RISK" }
  /** The routing engine decided (moves applied, or a suggestion when auto-routing is off). */
  | { status: "routed"; decision: "APPLIED" | "SUGGESTED" | "NEEDS_REVIEW" }
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
