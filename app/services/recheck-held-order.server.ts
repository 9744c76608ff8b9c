/**
 * orders/risk_assessment_changed: Shopify has a new risk assessment of an order. The delivery names
 * the order and the new level, not the order's state, and deliveries can be late or out of order,
 * so nothing but the order's id is taken from it. An order Crossdock holds before routing (or has
 * not stored yet) is read live and recorded as its orders/updated is (recordOrder with "if-new":
 * the newest state wins): a held order is handed to routing again ("hold-ended"), where routeOrder
 * reads its payment and risk once more and the shop's hold settings decide: routed (no longer high
 * risk, or the merchant holds no high-risk orders) or still held (high risk, or not paid yet). The
 * payment's orders/updated releases a held order through the same recordOrder.
 *
 * An order already stored and not held has nothing to release (routing reads the risk itself when
 * it runs; an order already routed is not held again), and is not read: Shopify assesses nearly
 * every order, so this topic arrives about once per order.
 */
import { stillToFulfil } from "~/domain/shops/routing-cutoff";
import { getOrderByShopifyId } from "~/models/orders.server";
import { getShop } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchOrderSnapshots } from "~/shopify/order-snapshots";
import type { OrderRouter, RoutingHandoff } from "./order-router.server";
import { recordOrder, ShopNotInstalledError } from "./record-order.server";

export type RecheckHeldOrderResult =
  | { status: "recorded"; routing: RoutingHandoff | null }
  /** Stored, and not held before routing: nothing to release. */
  | { status: "not-held" }
  | { status: "order-not-found" }
  /** A newer state of the order was stored meanwhile (its own delivery hands it over). */
  | { status: "stale" };

export async function recheckHeldOrder(input: {
  shop: string;
  orderId: string;
  admin: () => Promise<AdminGraphql>;
  router: OrderRouter;
}): Promise<RecheckHeldOrderResult> {
  const shop = await getShop(input.shop);
  if (!shop) throw new ShopNotInstalledError(`${input.shop} is not installed (yet)`);
  const stored = await getOrderByShopifyId(shop, input.orderId);
  if (stored && (stored.routingHold === null || !stillToFulfil(stored))) return { status: "not-held" };
  const [snapshot] = await fetchOrderSnapshots(await input.admin(), [input.orderId]);
  if (!snapshot) return { status: "order-not-found" };
  const recorded = await recordOrder({ shop, snapshot, router: input.router, handOver: "if-new" });
  return recorded.status === "stale" ? { status: "stale" } : { status: "recorded", routing: recorded.routing };
}
