/** fulfillments/* payloads: Shopify's REST Fulfillment resource. */
import { gid } from "../../store/ids";
import type { FulfillmentRecord } from "../../store/records";
import type { ShopState } from "../../store/shop-state";
import { restAddress } from "./common";
import { fulfillmentLineItemPayload } from "./orders";

const SHIPMENT_STATUS: Record<string, string | null> = {
  CONFIRMED: "confirmed",
  IN_TRANSIT: "in_transit",
  OUT_FOR_DELIVERY: "out_for_delivery",
  DELIVERED: "delivered",
  ATTEMPTED_DELIVERY: "attempted_delivery",
  FAILURE: "failure",
  READY_FOR_PICKUP: "ready_for_pickup",
  PICKED_UP: "picked_up",
};

export function fulfillmentPayload(shop: ShopState, f: FulfillmentRecord) {
  const order = shop.orders.get(f.orderId);
  const tracking = f.tracking[0];
  // Shopify's fulfillments/create example, key for key, in its order (FIDELITY WP-8).
  return {
    id: f.id,
    order_id: f.orderId,
    status: f.status.toLowerCase(),
    created_at: f.createdAt,
    service: "manual",
    updated_at: f.updatedAt,
    tracking_company: tracking?.company ?? null,
    shipment_status: SHIPMENT_STATUS[f.displayStatus] ?? null,
    location_id: f.locationId,
    // The example's origin_address is null: the simulator records none either.
    origin_address: null,
    email: order?.email ?? null,
    destination: restAddress(order?.shippingAddress ?? null),
    line_items: f.lines.flatMap((l) => {
      const found = shop.lineItem(l.lineItemId);
      return found ? [{ ...fulfillmentLineItemPayload(shop, found.order, found.line), quantity: l.quantity }] : [];
    }),
    tracking_number: tracking?.number ?? null,
    tracking_numbers: f.tracking.map((t) => t.number).filter(Boolean),
    tracking_url: tracking?.url ?? null,
    tracking_urls: f.tracking.map((t) => t.url).filter(Boolean),
    receipt: {},
    name: f.name,
    admin_graphql_api_id: gid("Fulfillment", f.id),
  };
}
