/**
 * What the store announces when its state changes, in Shopify webhook topic names. The webhook
 * dispatcher turns these into deliveries (building the REST payload at once, from the state at the
 * time of the event); nothing else needs to listen.
 */

export type OrderTopic =
  | "orders/create"
  | "orders/updated"
  | "orders/cancelled"
  | "orders/fulfilled"
  | "orders/partially_fulfilled"
  | "orders/paid";
export type LocationTopic =
  | "locations/create"
  | "locations/update"
  | "locations/delete"
  | "locations/activate"
  | "locations/deactivate";
export type FulfillmentTopic = "fulfillments/create" | "fulfillments/update";
export type ReturnTopic =
  | "returns/request"
  | "returns/approve"
  | "returns/decline"
  | "returns/cancel"
  | "returns/close"
  | "returns/reopen"
  | "returns/process";

export type StoreEvent =
  | { topic: OrderTopic; shop: string; orderId: number }
  | { topic: "inventory_levels/update"; shop: string; inventoryItemId: number; locationId: number }
  | { topic: LocationTopic; shop: string; locationId: number }
  | { topic: FulfillmentTopic; shop: string; fulfillmentId: number }
  | { topic: "fulfillment_events/create"; shop: string; fulfillmentEventId: number }
  | { topic: ReturnTopic; shop: string; returnId: number }
  | { topic: "refunds/create"; shop: string; refundId: number }
  | { topic: "reverse_deliveries/attach_deliverable"; shop: string; reverseDeliveryId: number }
  | { topic: "reverse_fulfillment_orders/dispose"; shop: string; reverseFulfillmentOrderId: number; dispositionIds: number[] }
  | {
      topic: "fulfillment_orders/moved";
      shop: string;
      originalFulfillmentOrderId: number;
      movedFulfillmentOrderId: number;
      sourceLocationId: number;
      destinationLocationId: number;
      lineItems: { id: number; quantity: number }[];
    }
  /** One per fulfillment order the routing job created (its payload names only that one). */
  | { topic: "fulfillment_orders/order_routing_complete"; shop: string; fulfillmentOrderId: number }
  /** A new risk assessment of an order (its payload names the order and the level). */
  | { topic: "orders/risk_assessment_changed"; shop: string; orderId: number; riskLevel: string; createdAt: string }
  | { topic: "app/uninstalled"; shop: string }
  | { topic: "app/scopes_update"; shop: string; previous: string[]; current: string[] }
  | { topic: "shop/redact"; shop: string }
  | { topic: "customers/data_request" | "customers/redact"; shop: string; customerId: number };

export type StoreListener = (event: StoreEvent) => void;
