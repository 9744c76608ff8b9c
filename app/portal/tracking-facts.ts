// From the Admin API's order (app/shopify/portal-orders.ts) to the facts the domain's timeline
// (app/domain/portal/timeline.ts) is built from. Pure.
import type { FulfillmentOrderFacts, OrderTrackingFacts, TrackingItem } from "~/domain/portal/timeline";
import type { PortalOrderTrackingData } from "~/shopify/portal-orders";

export function trackingFacts(order: PortalOrderTrackingData): OrderTrackingFacts {
  const fulfillmentOrders: FulfillmentOrderFacts[] = order.fulfillmentOrders.nodes.map((fo) => ({
    id: fo.id,
    status: fo.status,
    deliveryMethod: fo.deliveryMethod?.methodType ?? "SHIPPING",
    locationName: fo.assignedLocation.name,
    remainingItems: fo.lineItems.nodes
      .filter((l) => l.remainingQuantity > 0)
      .map((l): TrackingItem => ({ lineItemId: l.lineItem.id, title: l.lineItem.name, quantity: l.remainingQuantity })),
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
