// From the Admin API's order (app/shopify/portal-orders.ts) to the facts the domain's timeline
// (app/domain/portal/timeline.ts) is built from. Pure.
import type { FulfillmentOrderFacts, OrderTrackingFacts, TrackingItem } from "~/domain/portal/timeline";
import type { PortalOrderTrackingData } from "~/shopify/portal-orders";

/** Fulfillment statuses whose units are still held by the fulfillment order (a pickup marked ready is OPEN until collected). */
const HOLDING_STATUSES = new Set(["OPEN", "PENDING"]);

/**
 * Units in fulfillments that are under way but not done, by line item. Shopify keeps them on the
 * fulfillment order (remaining) and the line item (unfulfilled) until the fulfillment succeeds, so
 * without this a pickup marked ready would be listed twice: as its fulfillment and as still to do.
 */
function heldUnits(order: PortalOrderTrackingData): Map<string, number> {
  const held = new Map<string, number>();
  for (const f of order.fulfillments) {
    if (!HOLDING_STATUSES.has(f.status)) continue;
    for (const l of f.fulfillmentLineItems.nodes) held.set(l.lineItem.id, (held.get(l.lineItem.id) ?? 0) + (l.quantity ?? 0));
  }
  return held;
}

/** The line items not yet fulfilled nor under way (none for a cancelled order), with the quantity left. */
export function unshippedItems(order: PortalOrderTrackingData): { name: string; quantity: number }[] {
  if (order.cancelledAt) return [];
  const held = heldUnits(order);
  return order.lineItems.nodes
    .map((l) => ({ name: l.name, quantity: l.unfulfilledQuantity - (held.get(l.id) ?? 0) }))
    .filter((l) => l.quantity > 0);
}

export function trackingFacts(order: PortalOrderTrackingData): OrderTrackingFacts {
  // Held units come off the fulfillment orders holding them, in order, each at most what it holds.
  const held = heldUnits(order);
  const fulfillmentOrders: FulfillmentOrderFacts[] = order.fulfillmentOrders.nodes.map((fo) => ({
    id: fo.id,
    status: fo.status,
    deliveryMethod: fo.deliveryMethod?.methodType ?? "SHIPPING",
    locationName: fo.assignedLocation.name,
    remainingItems: fo.lineItems.nodes
      .map((l): TrackingItem => {
        const taken = Math.min(l.remainingQuantity, held.get(l.lineItem.id) ?? 0);
        if (taken > 0) held.set(l.lineItem.id, held.get(l.lineItem.id)! - taken);
        return { lineItemId: l.lineItem.id, title: l.lineItem.name, quantity: l.remainingQuantity - taken };
      })
      .filter((l) => l.quantity > 0),
  }));
  const methodOf = (fulfillmentLineIds: string[]) => {
    const fo = order.fulfillmentOrders.nodes.find((f) => f.lineItems.nodes.some((l) => fulfillmentLineIds.includes(l.lineItem.id)));
    return fo?.deliveryMethod?.methodType ?? null;
  };
  return {
    createdAt: order.processedAt ?? order.createdAt,
    cancelledAt: order.cancelledAt ?? null,
    // The Admin API's refund records are not read here: a fully refunded order is marked refunded
    // as of its last update (the tracking page shows the step without a time, see below).
    refundedAt: order.displayFinancialStatus === "REFUNDED" ? order.updatedAt : null,
    fulfillmentOrders,
    fulfillments: order.fulfillments.map((f) => {
      const lineIds = f.fulfillmentLineItems.nodes.map((l) => l.lineItem.id);
      return {
        id: f.id,
        createdAt: f.createdAt,
        displayStatus: f.displayStatus ?? null,
        status: f.status,
        inTransitAt: f.inTransitAt ?? null,
        deliveredAt: f.deliveredAt ?? null,
        estimatedDeliveryAt: f.estimatedDeliveryAt ?? null,
        trackingInfo: f.trackingInfo,
        events: f.events.nodes,
        items: f.fulfillmentLineItems.nodes.map((l) => ({ lineItemId: l.lineItem.id, title: l.lineItem.name, quantity: l.quantity ?? 0 })),
        deliveryMethod: methodOf(lineIds),
        locationName: f.location?.name ?? null,
      };
    }),
  };
}
