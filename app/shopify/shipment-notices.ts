// Admin API adapter for shipment notices (#15): the shipment a carrier event is about, with what its
// emails need (the order's name, the shopper's email and language, the carrier and tracking link).
import { adminRequest, type AdminGraphql } from "./admin-graphql";

export const SHIPMENT_FOR_NOTICE_QUERY = `#graphql
  query CrossdockShipmentForNotice($id: ID!) {
    fulfillment(id: $id) {
      id
      status
      trackingInfo(first: 3) {
        company
        number
        url
      }
      order {
        id
        name
        email
        customerLocale
        cancelledAt
        customer {
          displayName
        }
      }
    }
  }
`;

export interface ShipmentForNotice {
  fulfillmentId: string;
  /** Shopify's FulfillmentStatus (SUCCESS, CANCELLED …). */
  status: string;
  orderId: string;
  orderName: string;
  email: string | null;
  /** Order.customerLocale ("vi", "zh-CN" …), the language the shopper bought in. */
  customerLocale: string | null;
  customerName: string | null;
  orderCancelled: boolean;
  tracking: { company: string | null; number: string | null; url: string | null } | null;
}

/** The shipment, or null when Shopify no longer has it. */
export async function fetchShipmentForNotice(graphql: AdminGraphql, fulfillmentId: string): Promise<ShipmentForNotice | null> {
  const data = await adminRequest(graphql, SHIPMENT_FOR_NOTICE_QUERY, { id: fulfillmentId });
  const f = data.fulfillment;
  if (!f) return null;
  const tracking = f.trackingInfo.find((t) => t.url || t.number) ?? f.trackingInfo[0] ?? null;
  return {
    fulfillmentId: f.id,
    status: f.status,
    orderId: f.order.id,
    orderName: f.order.name,
    email: f.order.email ?? null,
    customerLocale: f.order.customerLocale ?? null,
    customerName: f.order.customer?.displayName ?? null,
    orderCancelled: !!f.order.cancelledAt,
    tracking: tracking ? { company: tracking.company ?? null, number: tracking.number ?? null, url: tracking.url ?? null } : null,
  };
}
