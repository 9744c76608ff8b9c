/**
 * returns/*, reverse_deliveries/attach_deliverable, reverse_fulfillment_orders/dispose and
 * fulfillment_events/create payloads, in the REST style Shopify uses for webhooks: numeric `id`
 * plus `admin_graphql_api_id`, snake_case keys, lower-case enum values.
 */
import { externalId, gid } from "../../store/ids";
import { fixedString, ZERO } from "../../store/money";
import { returnShippingFeeOf } from "../../store/return-processing";
import type { DispositionRecord, FulfillmentEventRecord, OrderRecord, RefundRecord, ReturnRecord, ReverseDeliveryRecord, ReverseFulfillmentOrderRecord } from "../../store/records";
import type { ShopState } from "../../store/shop-state";
import { moneySet } from "./common";
import { lineItemPayload, orderMoneySet } from "./orders";

const ref = (type: Parameters<typeof gid>[0], id: number) => ({ id, admin_graphql_api_id: gid(type, id) });

function fulfillmentLineItemPayload(shop: ShopState, fulfillmentLineItemId: number) {
  const found = shop.fulfillmentLineItem(fulfillmentLineItemId);
  const owner = found ? shop.lineItem(found.line.lineItemId) : undefined;
  return {
    ...ref("FulfillmentLineItem", fulfillmentLineItemId),
    fulfillment_id: found?.fulfillment.id ?? null,
    quantity: found?.line.quantity ?? null,
    line_item: owner ? lineItemPayload(shop, owner.order, owner.line) : null,
  };
}

export type ReturnTopic = "returns/request" | "returns/approve" | "returns/decline" | "returns/cancel" | "returns/close" | "returns/reopen";

/**
 * returns/* in the shape of Shopify's example payload for each topic (FIDELITY WP-2): request and
 * approve carry the order reference, line and fee lists; decline its `decline`; cancel, close and
 * reopen only `order_id` and `status`.
 */
export function returnPayload(shop: ShopState, ret: ReturnRecord, topic: ReturnTopic | (string & {})) {
  const head = { ...ref("Return", ret.id), status: ret.status.toLowerCase() };
  if (topic === "returns/cancel" || topic === "returns/close" || topic === "returns/reopen") {
    return { id: ret.id, admin_graphql_api_id: gid("Return", ret.id), order_id: ret.orderId, status: head.status };
  }
  const order = ref("Order", ret.orderId);
  if (topic === "returns/decline") {
    return { ...head, order, decline: ret.decline ? { reason: ret.decline.reason.toLowerCase(), note: ret.decline.note } : null };
  }
  const orderRecord = shop.orders.get(ret.orderId);
  return {
    ...head,
    order,
    total_return_line_items: ret.lineItems.reduce((sum, l) => sum + l.quantity, 0),
    name: ret.name,
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
      ? [
          {
            ...ref("ReturnShippingFee", ret.shippingFee.id),
            // In the order's two currencies: the fee is held in the presentment one (MC-6).
            price: orderRecord ? orderMoneySet(orderRecord, returnShippingFeeOf(orderRecord, ret)) : moneySet(ret.shippingFee.amount, ret.shippingFee.currencyCode),
          },
        ]
      : [],
    exchange_line_items: [],
    total_exchange_line_items: 0,
  };
}

/** reverse_deliveries/attach_deliverable in the shape of Shopify's example (FIDELITY WP-3). */
export function reverseDeliveryPayload(shop: ShopState, delivery: ReverseDeliveryRecord) {
  const rfo = shop.reverseFulfillmentOrders.get(delivery.reverseFulfillmentOrderId);
  return {
    ...ref("ReverseDelivery", delivery.id),
    return: rfo ? ref("Return", rfo.returnId) : null,
    shipping_deliverable: {
      tracking: delivery.tracking
        ? { carrier_name: delivery.tracking.carrierName, tracking_number: delivery.tracking.number, tracking_url: delivery.tracking.url }
        : null,
      label: delivery.label ? { public_file_url: delivery.label.publicFileUrl, created_at: delivery.label.createdAt } : null,
    },
  };
}

/**
 * reverse_fulfillment_orders/dispose: the reverse fulfillment order itself, with the dispositions
 * just made, as Shopify's example has it (FIDELITY WP-4): no `return`, no order, no status.
 */
export function disposePayload(_shop: ShopState, rfo: ReverseFulfillmentOrderRecord, dispositionIds: number[]) {
  const dispositions: DispositionRecord[] = [];
  for (const line of rfo.lineItems) for (const d of line.dispositions) if (dispositionIds.includes(d.id)) dispositions.push(d);
  return {
    ...ref("ReverseFulfillmentOrder", rfo.id),
    dispositions: dispositions.map((d) => ({
      reverse_fulfillment_order_line_item: ref("ReverseFulfillmentOrderLineItem", d.reverseFulfillmentOrderLineItemId),
      reverse_delivery_line_item: d.reverseDeliveryLineItemId == null ? null : ref("ReverseDeliveryLineItem", d.reverseDeliveryLineItemId),
      type: d.type.toLowerCase(),
      location: d.locationId == null ? null : ref("Location", d.locationId),
      quantity: d.quantity,
    })),
    total_dispositions: dispositions.length,
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

/**
 * refunds/create in the shape of Shopify's example (FIDELITY WP-5), with its `return`; the
 * transaction's `currency` is null as in the example, its `amount` in the order's presentment
 * currency (the REST transaction's own currency), and every money set in the order's two currencies:
 * shop money in the shop's, presentment money in the customer's (MC-6).
 */
export function refundPayload(order: Pick<OrderRecord, "currencyCode" | "presentmentCurrencyCode">, refund: RefundRecord) {
  const unsettled = {
    presentment_money: { amount: fixedString(0, order.presentmentCurrencyCode), currency: order.presentmentCurrencyCode },
    shop_money: { amount: fixedString(0, order.currencyCode), currency: order.currencyCode },
  };
  return {
    id: refund.id,
    order_id: refund.orderId,
    created_at: refund.createdAt,
    note: refund.note,
    user_id: null,
    processed_at: refund.createdAt,
    duties: [],
    total_duties_set: orderMoneySet(order, ZERO),
    return: refund.returnId === null ? null : ref("Return", refund.returnId),
    restock: false,
    refund_shipping_lines: [],
    admin_graphql_api_id: gid("Refund", refund.id),
    order_adjustments: [],
    refund_line_items: [],
    transactions: [
      {
        id: refund.transactionId,
        order_id: refund.orderId,
        kind: "refund",
        gateway: "manual",
        status: "success",
        message: "Refunded",
        created_at: refund.createdAt,
        test: false,
        authorization: null,
        location_id: null,
        user_id: null,
        parent_id: null,
        processed_at: null,
        device_id: null,
        error_code: null,
        source_name: "admin",
        receipt: {},
        amount: refund.amount,
        currency: null,
        payment_id: `#${externalId(refund.orderId)}.1`,
        total_unsettled_set: unsettled,
        manual_payment_gateway: true,
        amount_rounding: null,
        admin_graphql_api_id: gid("OrderTransaction", refund.transactionId),
      },
    ],
  };
}
