/**
 * Shopify's order routing: fulfillment orders are not created with the order. "After an order is
 * created, a background worker performs the order routing process which determines which locations
 * will be responsible for fulfilling the purchased items. Once the order routing process is
 * complete, one or more fulfillment orders will be created and assigned to these locations"
 * (schema: `FulfillmentOrder`), and `fulfillment_orders/order_routing_complete` "occurs when an
 * order has finished being routed" (schema: `WebhookSubscriptionTopic`). So an order created here
 * is announced with orders/create at once; its fulfillment orders appear after the shop's routing
 * delay (seconds by default, as on a busy store), each announced with order_routing_complete.
 */
import type { OrderRecord } from "./records";
import type { ShopState } from "./shop-state";

/** Default routing delay: "seconds", as a busy store's background job takes. */
export const DEFAULT_ROUTING_DELAY_MS = 3_000;

export interface PendingRouting {
  timer: NodeJS.Timeout;
  /** Resolves once the fulfillment orders exist (or the routing was abandoned). */
  done: Promise<void>;
  settle: () => void;
}

/**
 * Schedules the background routing of a freshly created order. `route` creates the fulfillment
 * orders (store/orders.ts owns how); it runs once, after the shop's delay, unless the shop is
 * disposed first.
 */
export function scheduleOrderRouting(shop: ShopState, order: OrderRecord, route: (order: OrderRecord) => void): Promise<void> {
  let settle!: () => void;
  const done = new Promise<void>((resolve) => (settle = resolve));
  const timer = setTimeout(() => {
    shop.pendingRouting.delete(order.id);
    try {
      const current = shop.orders.get(order.id);
      // A cancelled (or deleted) order is never routed: nothing is left to fulfil.
      if (current && !current.cancelledAt) route(current);
    } finally {
      settle();
    }
  }, shop.routingDelayMs);
  // The simulator's timers never keep a process alive on their own.
  timer.unref?.();
  shop.pendingRouting.set(order.id, { timer, done, settle });
  return done;
}

/** Resolves when the order's fulfillment orders exist (at once when they already do). */
export function orderRoutingSettled(shop: ShopState, orderId: number): Promise<void> {
  return shop.pendingRouting.get(orderId)?.done ?? Promise.resolve();
}

/** Drops every scheduled routing of the shop (reset, deletion, shutdown). */
export function cancelPendingRouting(shop: ShopState): void {
  for (const pending of shop.pendingRouting.values()) {
    clearTimeout(pending.timer);
    pending.settle();
  }
  shop.pendingRouting.clear();
}

