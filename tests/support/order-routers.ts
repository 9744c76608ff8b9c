// A router for tests of the event pipeline (not of routing): it notes every order it is handed and
// decides nothing, so the pipeline's hand-offs can be counted without the engine and Shopify. Like
// the engine's router before Shopify created the fulfillment orders, it answers "waiting" (no
// decision is recorded, so the order is handed over again later); cancelled orders are not routable.
import type { OrderRouter, RoutingHandoff } from "~/services/order-router.server";

export interface HandOverRecorder extends OrderRouter {
  /** Shopify order GIDs handed over, in order, once per hand-over. */
  readonly handed: string[];
}

export function handOverRecorder(): HandOverRecorder {
  const handed: string[] = [];
  return {
    name: "hand-over-recorder",
    handed,
    async route({ order }): Promise<RoutingHandoff> {
      if (order.cancelledAt) return { status: "not_routable", reason: "the order is cancelled" };
      handed.push(order.shopifyId);
      return { status: "waiting_for_fulfillment_orders" };
    },
  };
}
