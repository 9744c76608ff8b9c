import { setRoutingStatus } from "~/models/orders.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import type { OrderRouter } from "./order-router.server";
import { routeOrder } from "./route-order.server";

/**
 * The pipeline's OrderRouter backed by the routing engine: a new order is marked awaiting routing,
 * routed with the shop's rules (moves applied unless auto-routing is off) once Shopify created its
 * fulfillment orders, and marked ROUTED, or NEEDS_REVIEW when it could not be routed or a move was
 * refused. Until the fulfillment orders exist the order stays AWAITING_ROUTING. Replays are
 * harmless: routeOrder claims the order's first decision once.
 */
export function engineOrderRouter(admin: (shop: string) => Promise<AdminGraphql>): OrderRouter {
  return {
    name: "routing-engine",
    async route({ shop, order, trigger = "orders/create" }) {
      if (order.cancelledAt) return { status: "not_routable", reason: "the order is cancelled" };
      await setRoutingStatus(shop, order.id, "AWAITING_ROUTING", null);
      const result = await routeOrder({ shop, graphql: await admin(shop.domain), orderId: order.shopifyId, trigger });
      if (result.status === "waiting") return { status: "waiting_for_fulfillment_orders" };
      if (result.status === "already-routed") return { status: "already_handed_over" };
      if (result.status === "order-not-found") return { status: "not_routable", reason: "Shopify no longer has this order" };
      const { decision } = result;
      const routed = decision.status === "APPLIED" || decision.status === "SUGGESTED";
      // From awaiting, or from needs-review when a failed first attempt is being retried.
      const to = routed ? "ROUTED" : "NEEDS_REVIEW";
      if (!(await setRoutingStatus(shop, order.id, to, "AWAITING_ROUTING"))) await setRoutingStatus(shop, order.id, to, "NEEDS_REVIEW");
      return routed ? { status: "routed", decision: decision.status as "APPLIED" | "SUGGESTED" } : { status: "not_routable", reason: decision.error ?? decision.summary };
    },
  };
}
