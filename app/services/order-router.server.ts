import { setRoutingStatus, type Order } from "~/models/orders.server";
import type { Shop } from "~/models/shops.server";

export type RoutingHandoff =
  | { status: "awaiting_routing" }
  /** The routing engine decided (moves applied, or a suggestion when auto-routing is off). */
  | { status: "routed"; decision: "APPLIED" | "SUGGESTED" }
  /** The order was handed over before (a replayed or late delivery): nothing done. */
  | { status: "already_handed_over" }
  | { status: "not_routable"; reason: string };

/**
 * The seam between the event pipeline and order routing. The orders/create processor (and
 * reconciliation, for an order whose orders/create was lost) hands every new order to the
 * OrderRouter it was given. Implementations must be idempotent: the same order can be handed over
 * again after a crash.
 */
export interface OrderRouter {
  readonly name: string;
  route(input: { shop: Shop; order: Order }): Promise<RoutingHandoff>;
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
