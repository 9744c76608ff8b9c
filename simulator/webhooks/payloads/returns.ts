/**
 * returns/*, reverse_deliveries/attach_deliverable, reverse_fulfillment_orders/dispose and
 * fulfillment_events/create payloads, in the REST style Shopify uses for webhooks: numeric `id`
 * plus `admin_graphql_api_id`, snake_case keys, lower-case enum values.
 */
import { gid } from "../../store/ids";
import type { DispositionRecord, FulfillmentEventRecord, RefundRecord, ReturnRecord, ReverseDeliveryRecord, ReverseFulfillmentOrderRecord } from "../../store/records";
import type { ShopState } from "../../store/shop-state";
import { moneySet } from "./common";
import { lineItemPayload } from "./orders";

const ref = (type: Parameters<typeof gid>[0], id: number) => ({ id, admin_graphql_api_id: gid(type, id) });

function fulfillmentLineItemPayload(shop: ShopState, fulfillmentLineItemId: number) {
  const found = shop.fulfillmentLineItem(fulfillmentLineItemId);
  const line = found ? shop.lineItem(found.line.lineItemId)?.line : undefined;
  return {
    ...ref("FulfillmentLineItem", fulfillmentLineItemId),
    fulfillment_id: found?.fulfillment.id ?? null,
    quantity: found?.line.quantity ?? null,
    line_item: line ? lineItemPayload(shop, line) : null,
  };
}

export function returnPayload(shop: ShopState, ret: ReturnRecord) {
  const order = shop.orders.get(ret.orderId);
  return {
    ...ref("Return", ret.id),
    name: ret.name,
    status: ret.status.toLowerCase(),
    order: { ...ref("Order", ret.orderId), name: order?.name ?? null },
    order_id: ret.orderId,
    created_at: ret.createdAt,
    updated_at: ret.updatedAt,
    request_approved_at: ret.requestApprovedAt,
    closed_at: ret.closedAt,
    notify_customer: ret.notifyCustomer,
    decline: ret.decline ? { reason: ret.decline.reason.toLowerCase(), note: ret.decline.note } : null,
    total_return_line_items: ret.lineItems.reduce((sum, l) => sum + l.quantity, 0),
    return_line_items: ret.lineItems.map((l) => ({
      ...ref("ReturnLineItem", l.id),
      fulfillment_line_item: fulfillmentLineItemPayload(shop, l.fulfillmentLineItemId),
      quantity: l.quantity,
      return_reason: l.returnReason.toLowerCase(),
      return_reason_note: l.returnReasonNote,
      customer_note: l.customerNote,
      restocking_fee: null,
    })),
    return_shipping_fees: ret.shippingFee
      ? [{ ...ref("ReturnShippingFee", ret.shippingFee.id), price: moneySet(ret.shippingFee.amount, ret.shippingFee.currencyCode) }]
      : [],
    reverse_fulfillment_orders: shop.reverseFulfillmentOrdersOf(ret.id).map((rfo) => ({ ...ref("ReverseFulfillmentOrder", rfo.id), status: rfo.status.toLowerCase() })),
    exchange_line_items: [],
    total_exchange_line_items: 0,
  };
}

export function reverseDeliveryPayload(shop: ShopState, delivery: ReverseDeliveryRecord) {
  const rfo = shop.reverseFulfillmentOrders.get(delivery.reverseFulfillmentOrderId);
  return {
    ...ref("ReverseDelivery", delivery.id),
    reverse_fulfillment_order: rfo ? ref("ReverseFulfillmentOrder", rfo.id) : null,
    return: rfo ? ref("Return", rfo.returnId) : null,
    order_id: rfo?.orderId ?? null,
    notify_customer: delivery.notifyCustomer,
    shipping_deliverable: {
      tracking: delivery.tracking
        ? { carrier_name: delivery.tracking.carrierName, tracking_number: delivery.tracking.number, tracking_url: delivery.tracking.url }
        : null,
      label: delivery.label
        ? { public_file_url: delivery.label.publicFileUrl, created_at: delivery.label.createdAt, updated_at: delivery.label.updatedAt }
        : null,
    },
    reverse_delivery_line_items: delivery.lines.map((l) => ({
      ...ref("ReverseDeliveryLineItem", l.id),
      reverse_fulfillment_order_line_item: ref("ReverseFulfillmentOrderLineItem", l.reverseFulfillmentOrderLineItemId),
      quantity: l.quantity,
    })),
    created_at: delivery.createdAt,
    updated_at: delivery.updatedAt,
  };
}

export function disposePayload(shop: ShopState, rfo: ReverseFulfillmentOrderRecord, dispositionIds: number[]) {
  const dispositions: { d: DispositionRecord; fulfillmentLineItemId: number }[] = [];
  for (const line of rfo.lineItems) {
    for (const d of line.dispositions) if (dispositionIds.includes(d.id)) dispositions.push({ d, fulfillmentLineItemId: line.fulfillmentLineItemId });
  }
  return {
    ...ref("ReverseFulfillmentOrder", rfo.id),
    status: rfo.status.toLowerCase(),
    return: ref("Return", rfo.returnId),
    order_id: rfo.orderId,
    total_dispositions: dispositions.length,
    dispositions: dispositions.map(({ d, fulfillmentLineItemId }) => {
      const lineItemId = shop.fulfillmentLineItem(fulfillmentLineItemId)?.line.lineItemId ?? null;
      return {
        ...ref("ReverseFulfillmentOrderDisposition", d.id),
        reverse_fulfillment_order_line_item: {
          ...ref("ReverseFulfillmentOrderLineItem", d.reverseFulfillmentOrderLineItemId),
          fulfillment_line_item: { ...ref("FulfillmentLineItem", fulfillmentLineItemId), line_item: lineItemId == null ? null : ref("LineItem", lineItemId) },
        },
        reverse_delivery_line_item: d.reverseDeliveryLineItemId == null ? null : ref("ReverseDeliveryLineItem", d.reverseDeliveryLineItemId),
        type: d.type.toLowerCase(),
        location: d.locationId == null ? null : ref("Location", d.locationId),
        quantity: d.quantity,
        created_at: d.createdAt,
      };
    }),
  };
}

export function fulfillmentEventPayload(shop: ShopState, event: FulfillmentEventRecord) {
  const fulfillment = shop.fulfillments.get(event.fulfillmentId);
  return {
    id: event.id,
    admin_graphql_api_id: gid("FulfillmentEvent", event.id),
    fulfillment_id: event.fulfillmentId,
    order_id: fulfillment?.orderId ?? null,
    shop_id: shop.shop.id,
    status: event.status.toLowerCase(),
    message: event.message,
    happened_at: event.happenedAt,
    estimated_delivery_at: event.estimatedDeliveryAt,
    address1: event.address1,
    city: event.city,
    province: event.province,
    country: event.country,
    zip: event.zip,
    latitude: event.latitude,
    longitude: event.longitude,
    created_at: event.createdAt,
    updated_at: event.createdAt,
  };
}

/** refunds/create, the parts of Shopify's refund payload that matter here (with its `return`). */
export function refundPayload(refund: RefundRecord) {
  return {
    ...ref("Refund", refund.id),
    order_id: refund.orderId,
    created_at: refund.createdAt,
    processed_at: refund.createdAt,
    note: refund.note,
    restock: false,
    user_id: null,
    return: refund.returnId === null ? null : ref("Return", refund.returnId),
    refund_line_items: [],
    order_adjustments: [],
    duties: [],
    transactions: [
      {
        id: refund.transactionId,
        admin_graphql_api_id: gid("OrderTransaction", refund.transactionId),
        order_id: refund.orderId,
        kind: "refund",
        status: "success",
        gateway: "bogus",
        amount: refund.amount,
        currency: refund.currencyCode,
        created_at: refund.createdAt,
        processed_at: refund.createdAt,
      },
    ],
  };
}
