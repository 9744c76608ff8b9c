import type { AdminGraphql } from "~/shopify/admin-graphql";
import type { OrderRouter } from "./order-router.server";
import { routeOrder } from "./route-order.server";

/**
 * The pipeline's OrderRouter backed by the routing engine: a new order is routed with the shop's
 * rules (moves applied unless auto-routing is off) once Shopify created its fulfillment orders; the
 * routing decision records what happened (applied, suggested, not routable, failed). Until the
 * fulfillment orders exist the order has no decision and is waiting. Replays are harmless:
 * routeOrder claims the order's first decision once.
 */
export function engineOrderRouter(admin: (shop: string) => Promise<AdminGraphql>): OrderRouter {
  return {
    name: "routing-engine",
    async route({ shop, order, trigger = "orders/create" }) {
      if (order.cancelledAt) return { status: "not_routable", reason: "the order is cancelled" };
      const result = await routeOrder({ shop, graphql: await admin(shop.domain), orderId: order.shopifyId, trigger });
      if (result.status === "waiting") return { status: "waiting_for_fulfillment_orders" };
      if (result.status === "held") return { status: "held", hold: result.hold };
      if (result.status === "already-routed") return { status: "already_handed_over" };
      if (result.status === "order-not-found") return { status: "not_routable", reason: "Shopify no longer has this order" };
      const { decision } = result;
      if (decision.status === "APPLIED" || decision.status === "SUGGESTED" || decision.status === "NEEDS_REVIEW") return { status: "routed", decision: decision.status };
      return { status: "not_routable", reason: decision.error ?? decision.summary };
    },
  };
}
