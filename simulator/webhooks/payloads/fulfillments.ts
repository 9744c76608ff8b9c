/** fulfillments/* payloads: Shopify's REST Fulfillment resource. */
import { gid } from "../../store/ids";
import type { FulfillmentRecord } from "../../store/records";
import type { ShopState } from "../../store/shop-state";
import { restAddress } from "./common";
import { lineItemPayload } from "./orders";

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
  return {
    id: f.id,
    admin_graphql_api_id: gid("Fulfillment", f.id),
    created_at: f.createdAt,
    location_id: f.locationId,
    name: f.name,
    order_id: f.orderId,
    origin_address: {},
    receipt: {},
    service: "manual",
    shipment_status: SHIPMENT_STATUS[f.displayStatus] ?? null,
    status: f.status.toLowerCase(),
    tracking_company: tracking?.company ?? null,
    tracking_number: tracking?.number ?? null,
    tracking_numbers: f.tracking.map((t) => t.number).filter(Boolean),
    tracking_url: tracking?.url ?? null,
    tracking_urls: f.tracking.map((t) => t.url).filter(Boolean),
    updated_at: f.updatedAt,
    email: order?.email ?? null,
    destination: restAddress(order?.shippingAddress ?? null),
    line_items: f.lines.flatMap((l) => {
      const found = shop.lineItem(l.lineItemId);
      return found ? [{ ...lineItemPayload(shop, found.line), quantity: l.quantity }] : [];
    }),
  };
}
