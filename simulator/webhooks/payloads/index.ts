/** The REST payload Shopify sends for a store event, built from the state at the time of the event. */
import type { StoreEvent } from "../../store/events";
import type { ShopState } from "../../store/shop-state";
import { fulfillmentPayload } from "./fulfillments";
import { orderPayload, riskAssessmentChangedPayload } from "./orders";
import { customerComplianceSubject, fulfillmentOrderSummary, inventoryLevelPayload, locationPayload, shopPayload } from "./other";
import { gid } from "../../store/ids";
import { disposePayload, fulfillmentEventPayload, refundPayload, returnPayload, reverseDeliveryPayload } from "./returns";

export function payloadFor(shop: ShopState, event: StoreEvent): object | null {
  switch (event.topic) {
    case "orders/create":
    case "orders/updated":
    case "orders/cancelled":
    case "orders/fulfilled":
    case "orders/partially_fulfilled":
    case "orders/paid": {
      const order = shop.orders.get(event.orderId);
      return order ? orderPayload(shop, order) : null;
    }
    case "inventory_levels/update":
      return inventoryLevelPayload(shop, event.inventoryItemId, event.locationId);
    case "locations/delete":
      return { id: event.locationId };
    case "locations/create":
    case "locations/update":
    case "locations/activate":
    case "locations/deactivate": {
      const location = shop.locations.get(event.locationId);
      return location ? locationPayload(location) : null;
    }
    case "fulfillments/create":
    case "fulfillments/update": {
      const fulfillment = shop.fulfillments.get(event.fulfillmentId);
      return fulfillment ? fulfillmentPayload(shop, fulfillment) : null;
    }
    case "fulfillment_events/create": {
      const record = shop.fulfillmentEvents.get(event.fulfillmentEventId);
      return record ? fulfillmentEventPayload(shop, record) : null;
    }
    case "returns/request":
    case "returns/approve":
    case "returns/decline":
    case "returns/cancel":
    case "returns/close":
    case "returns/reopen":
    case "returns/process": {
      const ret = shop.returns.get(event.returnId);
      return ret ? returnPayload(shop, ret, event.topic) : null;
    }
    case "refunds/create": {
      const refund = shop.refunds.get(event.refundId);
      const order = refund && shop.orders.get(refund.orderId);
      return refund && order ? refundPayload(order, refund) : null;
    }
    case "reverse_deliveries/attach_deliverable": {
      const delivery = shop.reverseDeliveries.get(event.reverseDeliveryId);
      return delivery ? reverseDeliveryPayload(shop, delivery) : null;
    }
    case "reverse_fulfillment_orders/dispose": {
      const rfo = shop.reverseFulfillmentOrders.get(event.reverseFulfillmentOrderId);
      return rfo ? disposePayload(shop, rfo, event.dispositionIds) : null;
    }
    case "fulfillment_orders/moved":
      return {
        original_fulfillment_order: fulfillmentOrderSummary(shop, event.originalFulfillmentOrderId),
        moved_fulfillment_order: fulfillmentOrderSummary(shop, event.movedFulfillmentOrderId),
        destination_location_id: gid("Location", event.destinationLocationId),
        fulfillment_order_line_items_requested: event.lineItems.map((l) => ({ id: gid("FulfillmentOrderLineItem", l.id), quantity: l.quantity })),
        source_location: { id: gid("Location", event.sourceLocationId) },
      };
    case "fulfillment_orders/order_routing_complete": {
      // Shopify's example payload names the fulfillment order and its status, nothing else.
      const fo = shop.fulfillmentOrders.get(event.fulfillmentOrderId);
      return fo ? { fulfillment_order: { id: gid("FulfillmentOrder", fo.id), status: fo.status.toLowerCase() } } : null;
    }
    case "orders/risk_assessment_changed":
      // Shopify's example payload's keys (FIDELITY WP-16).
      return riskAssessmentChangedPayload(event);
    case "app/uninstalled":
      return shopPayload(shop);
    case "app/scopes_update":
      // Shopify's example: shop_id is the shop's GID (FIDELITY WP-6).
      return { id: shop.shop.id, shop_id: gid("Shop", shop.shop.id), previous: event.previous, current: event.current, updated_at: shop.now() };
    case "shop/redact":
      return { shop_id: shop.shop.id, shop_domain: shop.domain };
    case "customers/data_request": {
      const subject = customerComplianceSubject(shop, event.customerId);
      return {
        shop_id: shop.shop.id,
        shop_domain: shop.domain,
        orders_requested: subject.orders,
        customer: subject.customer,
        data_request: { id: shop.nextId("Customer") },
      };
    }
    case "customers/redact": {
      const subject = customerComplianceSubject(shop, event.customerId);
      return { shop_id: shop.shop.id, shop_domain: shop.domain, customer: subject.customer, orders_to_redact: subject.orders };
    }
  }
}
