/** orders/* payloads: Shopify's REST Order resource. */
import { gid } from "../../store/ids";
import { displayFulfillmentStatus, fulfilledQuantity, unfulfilledQuantity } from "../../store/orders";
import type { LineItemRecord, OrderRecord } from "../../store/records";
import type { ShopState } from "../../store/shop-state";
import { money, moneySet, restAddress } from "./common";
import { fulfillmentPayload } from "./fulfillments";

const FULFILLMENT_STATUS: Record<string, string | null> = { FULFILLED: "fulfilled", PARTIALLY_FULFILLED: "partial" };

export function lineItemPayload(shop: ShopState, line: LineItemRecord) {
  const currency = shop.shop.currencyCode;
  const fulfilled = fulfilledQuantity(shop, line);
  return {
    id: line.id,
    admin_graphql_api_id: gid("LineItem", line.id),
    current_quantity: line.quantity,
    // Units left to fulfil, whether or not Shopify's routing has created fulfillment orders yet.
    fulfillable_quantity: shop.orders.get(line.orderId)?.cancelledAt ? unfulfilledQuantity(shop, line) : line.quantity - fulfilled,
    fulfillment_service: "manual",
    fulfillment_status: fulfilled >= line.quantity ? "fulfilled" : fulfilled > 0 ? "partial" : null,
    gift_card: false,
    grams: line.weightGrams,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    price: money(line.price),
    price_set: moneySet(line.price, currency),
    product_exists: line.productId != null,
    product_id: line.productId,
    properties: [],
    quantity: line.quantity,
    requires_shipping: line.requiresShipping,
    sku: line.sku,
    taxable: true,
    title: line.title,
    total_discount: "0.00",
    total_discount_set: moneySet(0, currency),
    variant_id: line.variantId,
    variant_inventory_management: "shopify",
    variant_title: line.variantTitle,
    vendor: line.vendor,
    tax_lines: [],
    duties: [],
    discount_allocations: [],
  };
}

export function orderPayload(shop: ShopState, order: OrderRecord) {
  const currency = order.currencyCode;
  const subtotal = order.lineItems.reduce((sum, l) => sum + Number(l.price) * l.quantity, 0);
  const customer = order.customerId == null ? undefined : shop.customers.get(order.customerId);
  const weight = order.lineItems.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0);
  return {
    id: order.id,
    admin_graphql_api_id: gid("Order", order.id),
    app_id: null,
    browser_ip: null,
    buyer_accepts_marketing: false,
    cancel_reason: order.cancelReason?.toLowerCase() ?? null,
    cancelled_at: order.cancelledAt,
    cart_token: null,
    checkout_id: null,
    checkout_token: null,
    closed_at: order.closedAt,
    confirmation_number: null,
    confirmed: true,
    contact_email: order.email,
    created_at: order.createdAt,
    currency,
    current_subtotal_price: money(subtotal),
    current_subtotal_price_set: moneySet(subtotal, currency),
    current_total_discounts: "0.00",
    current_total_price: money(order.cancelledAt ? 0 : subtotal),
    current_total_price_set: moneySet(order.cancelledAt ? 0 : subtotal, currency),
    current_total_tax: "0.00",
    customer_locale: customer?.locale ?? null,
    email: order.email,
    estimated_taxes: false,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status: FULFILLMENT_STATUS[displayFulfillmentStatus(shop, order)] ?? null,
    landing_site: null,
    name: order.name,
    note: order.note,
    note_attributes: order.customAttributes.map((a) => ({ name: a.key, value: a.value })),
    number: order.number - 1000,
    order_number: order.number,
    order_status_url: `https://${shop.domain}/orders/${order.id}/authenticate`,
    phone: order.phone,
    presentment_currency: currency,
    processed_at: order.processedAt,
    source_name: "web",
    subtotal_price: money(subtotal),
    subtotal_price_set: moneySet(subtotal, currency),
    tags: order.tags.join(", "),
    taxes_included: false,
    test: false,
    total_discounts: "0.00",
    total_line_items_price: money(subtotal),
    total_outstanding: order.financialStatus === "PAID" ? "0.00" : money(subtotal),
    total_price: money(subtotal),
    total_price_set: moneySet(subtotal, currency),
    total_shipping_price_set: moneySet(0, currency),
    total_tax: "0.00",
    total_weight: weight,
    updated_at: order.updatedAt,
    user_id: null,
    billing_address: restAddress(order.billingAddress),
    shipping_address: restAddress(order.shippingAddress),
    customer: customer
      ? {
          id: customer.id,
          email: customer.email,
          created_at: customer.createdAt,
          updated_at: customer.updatedAt,
          first_name: customer.firstName,
          last_name: customer.lastName,
          state: "enabled",
          note: customer.note,
          verified_email: true,
          phone: customer.phone,
          tags: customer.tags.join(", "),
          currency,
          admin_graphql_api_id: gid("Customer", customer.id),
        }
      : null,
    discount_codes: [],
    fulfillments: shop.fulfillmentsOf(order.id).map((f) => fulfillmentPayload(shop, f)),
    line_items: order.lineItems.map((line) => lineItemPayload(shop, line)),
    payment_gateway_names: ["manual"],
    refunds: [],
    shipping_lines:
      order.deliveryMethod === "PICK_UP"
        ? [{ id: order.id, code: "Pickup", price: "0.00", source: "shopify", title: "Pickup in store", carrier_identifier: null }]
        : [{ id: order.id, code: "Standard", price: "0.00", source: "shopify", title: "Standard", carrier_identifier: null }],
  };
}
