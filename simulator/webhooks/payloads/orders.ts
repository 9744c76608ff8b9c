/**
 * orders/* payloads: Shopify's REST Order resource, with exactly the keys of Shopify's example
 * payload for orders/create (orders/updated and orders/cancelled have the same example), in its
 * order (FIDELITY WP-7). What the simulator does not model (apps, checkouts, taxes, discounts,
 * duties, additional fees, payment terms) is null, zero or empty, as Shopify sends it for an order
 * without them.
 */
import { createHash } from "node:crypto";
import { externalId, gid } from "../../store/ids";
import { totalOutstanding } from "../../store/return-processing";
import { fixedString, orderSubtotal, subtractBag, unitPrice, ZERO, type Bag } from "../../store/money";
import { displayFulfillmentStatus, fulfilledQuantity, unfulfilledQuantity } from "../../store/orders";
import { totalRefunded } from "../../store/refunds";
import type { LineItemRecord, OrderRecord } from "../../store/records";
import type { ShopState } from "../../store/shop-state";
import { restAddress } from "./common";
import { fulfillmentPayload } from "./fulfillments";
import { refundPayload } from "./returns";

const FULFILLMENT_STATUS: Record<string, string | null> = { FULFILLED: "fulfilled", PARTIALLY_FULFILLED: "partial" };

type Currencies = Pick<OrderRecord, "currencyCode" | "presentmentCurrencyCode">;

/** A REST money set (`price_set`, `total_price_set` …) of an amount held in both of an order's currencies. */
export function orderMoneySet(order: Currencies, bag: Bag) {
  return {
    shop_money: { amount: fixedString(bag.shop, order.currencyCode), currency_code: order.currencyCode },
    presentment_money: { amount: fixedString(bag.presentment, order.presentmentCurrencyCode), currency_code: order.presentmentCurrencyCode },
  };
}

/**
 * A line item as a fulfillment carries it: Shopify's fulfillments/create example's line item (no
 * `current_quantity`, `attributed_staffs` or `sales_line_item_group_id`, which only orders carry).
 */
export function fulfillmentLineItemPayload(shop: ShopState, order: OrderRecord, line: LineItemRecord) {
  const fulfilled = fulfilledQuantity(shop, line);
  const unit = unitPrice(order, line);
  return {
    id: line.id,
    variant_id: line.variantId,
    title: line.title,
    quantity: line.quantity,
    sku: line.sku,
    variant_title: line.variantTitle,
    vendor: line.vendor,
    fulfillment_service: "manual",
    product_id: line.productId,
    requires_shipping: line.requiresShipping,
    taxable: true,
    gift_card: false,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    variant_inventory_management: line.variantId == null ? null : "shopify",
    properties: [],
    product_exists: line.productId != null,
    // Units left to fulfil, whether or not Shopify's routing has created fulfillment orders yet.
    fulfillable_quantity: order.cancelledAt ? unfulfilledQuantity(shop, line) : line.quantity - fulfilled,
    grams: line.weightGrams,
    price: fixedString(unit.shop, order.currencyCode),
    total_discount: fixedString(0, order.currencyCode),
    fulfillment_status: fulfilled >= line.quantity ? "fulfilled" : fulfilled > 0 ? "partial" : null,
    price_set: orderMoneySet(order, unit),
    total_discount_set: orderMoneySet(order, ZERO),
    discount_allocations: [],
    duties: [],
    admin_graphql_api_id: gid("LineItem", line.id),
    tax_lines: [],
  };
}

/** An order's line item, as Shopify's orders/create example has it. */
export function lineItemPayload(shop: ShopState, order: OrderRecord, line: LineItemRecord) {
  const base = fulfillmentLineItemPayload(shop, order, line);
  const unit = unitPrice(order, line);
  return {
    id: line.id,
    admin_graphql_api_id: base.admin_graphql_api_id,
    attributed_staffs: [],
    current_quantity: line.quantity,
    fulfillable_quantity: base.fulfillable_quantity,
    fulfillment_service: base.fulfillment_service,
    fulfillment_status: base.fulfillment_status,
    gift_card: false,
    grams: line.weightGrams,
    name: base.name,
    price: base.price,
    price_set: orderMoneySet(order, unit),
    product_exists: base.product_exists,
    product_id: line.productId,
    properties: [],
    quantity: line.quantity,
    requires_shipping: line.requiresShipping,
    sales_line_item_group_id: null,
    sku: line.sku,
    taxable: true,
    title: line.title,
    total_discount: base.total_discount,
    total_discount_set: base.total_discount_set,
    variant_id: line.variantId,
    variant_inventory_management: base.variant_inventory_management,
    variant_title: line.variantTitle,
    vendor: line.vendor,
    tax_lines: [],
    duties: [],
    discount_allocations: [],
  };
}

/** Shopify's REST address of a customer (`default_address`). */
function customerAddress(customerId: number, order: OrderRecord) {
  const a = order.billingAddress ?? order.shippingAddress;
  if (!a) return null;
  const rest = restAddress(a)!;
  return {
    id: a.id,
    customer_id: customerId,
    first_name: rest.first_name,
    last_name: rest.last_name,
    company: rest.company,
    address1: rest.address1,
    address2: rest.address2,
    city: rest.city,
    province: rest.province,
    country: rest.country,
    zip: rest.zip,
    phone: rest.phone,
    name: rest.name,
    province_code: rest.province_code,
    country_code: rest.country_code,
    country_name: rest.country,
    default: true,
  };
}

/** A value of the order that looks like Shopify's opaque tokens (hex), stable for the order. */
function orderToken(shop: ShopState, order: OrderRecord): string {
  return createHash("sha256").update(`${shop.domain}/${externalId(order.id)}`).digest("hex").slice(0, 32);
}

export function orderPayload(shop: ShopState, order: OrderRecord) {
  const subtotal = orderSubtotal(order);
  const refunded = totalRefunded(shop, order.id);
  const current = order.cancelledAt ? ZERO : subtractBag(subtotal, refunded);
  const customer = order.customerId == null ? undefined : shop.customers.get(order.customerId);
  const weight = order.lineItems.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0);
  const zero = orderMoneySet(order, ZERO);
  const shopZero = fixedString(0, order.currencyCode);
  const paid = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"].includes(order.financialStatus);
  const shippingPrice = orderMoneySet(order, ZERO);
  return {
    id: order.id,
    admin_graphql_api_id: gid("Order", order.id),
    app_id: null,
    browser_ip: null,
    buyer_accepts_marketing: false,
    cancel_reason: order.cancelReason?.toLowerCase() ?? null,
    cancelled_at: order.cancelledAt,
    cart_token: null,
    checkout_token: null,
    client_details: null,
    closed_at: order.closedAt,
    confirmation_number: null,
    confirmed: true,
    contact_email: order.email,
    created_at: order.createdAt,
    currency: order.currencyCode,
    current_shipping_price_set: shippingPrice,
    current_subtotal_price: fixedString(current.shop, order.currencyCode),
    current_subtotal_price_set: orderMoneySet(order, current),
    current_total_additional_fees_set: null,
    current_total_discounts: shopZero,
    current_total_discounts_set: zero,
    current_total_duties_set: null,
    current_total_price: fixedString(current.shop, order.currencyCode),
    current_total_price_set: orderMoneySet(order, current),
    current_total_tax: shopZero,
    current_total_tax_set: zero,
    customer_locale: customer?.locale ?? null,
    device_id: null,
    discount_codes: [],
    duties_included: false,
    email: order.email,
    estimated_taxes: false,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status: FULFILLMENT_STATUS[displayFulfillmentStatus(shop, order)] ?? null,
    landing_site: null,
    landing_site_ref: null,
    location_id: null,
    merchant_business_entity_id: Buffer.from(`MerchantBusinessEntity/${externalId(shop.shop.id)}`).toString("base64url"),
    merchant_of_record_app_id: null,
    name: order.name,
    note: order.note,
    note_attributes: order.customAttributes.map((a) => ({ name: a.key, value: a.value })),
    number: order.number - 1000,
    order_number: order.number,
    order_status_url: `https://${shop.domain}/${externalId(shop.shop.id)}/orders/${orderToken(shop, order)}/authenticate?key=${orderToken(shop, order)}`,
    original_total_additional_fees_set: null,
    original_total_duties_set: null,
    payment_gateway_names: ["manual"],
    phone: order.phone,
    po_number: null,
    presentment_currency: order.presentmentCurrencyCode,
    processed_at: order.processedAt,
    reference: null,
    referring_site: null,
    source_identifier: null,
    source_name: "web",
    source_url: null,
    subtotal_price: fixedString(subtotal.shop, order.currencyCode),
    subtotal_price_set: orderMoneySet(order, subtotal),
    tags: order.tags.join(", "),
    tax_exempt: false,
    tax_lines: [],
    taxes_included: false,
    test: false,
    token: orderToken(shop, order),
    total_cash_rounding_payment_adjustment_set: zero,
    total_cash_rounding_refund_adjustment_set: zero,
    total_discounts: shopZero,
    total_discounts_set: zero,
    total_line_items_price: fixedString(subtotal.shop, order.currencyCode),
    total_line_items_price_set: orderMoneySet(order, subtotal),
    // An exchange's balance due (FIDELITY EX-4) is what is outstanding on a partially paid order.
    total_outstanding:
      order.financialStatus === "PARTIALLY_PAID" ? fixedString(totalOutstanding(shop, order).shop, order.currencyCode) : paid ? shopZero : fixedString(subtotal.shop, order.currencyCode),
    total_price: fixedString(subtotal.shop, order.currencyCode),
    total_price_set: orderMoneySet(order, subtotal),
    total_shipping_price_set: shippingPrice,
    total_tax: shopZero,
    total_tax_set: zero,
    total_tip_received: shopZero,
    total_weight: weight,
    updated_at: order.updatedAt,
    user_id: null,
    billing_address: restAddress(order.billingAddress),
    customer: customer
      ? {
          id: customer.id,
          created_at: customer.createdAt,
          updated_at: customer.updatedAt,
          first_name: customer.firstName,
          last_name: customer.lastName,
          state: "disabled",
          note: customer.note,
          verified_email: true,
          multipass_identifier: null,
          tax_exempt: false,
          email: customer.email,
          phone: customer.phone,
          currency: order.currencyCode,
          tax_exemptions: [],
          admin_graphql_api_id: gid("Customer", customer.id),
          default_address: customerAddress(customer.id, order),
        }
      : null,
    discount_applications: [],
    fulfillments: shop.fulfillmentsOf(order.id).map((f) => fulfillmentPayload(shop, f)),
    line_items: order.lineItems.map((line) => lineItemPayload(shop, order, line)),
    payment_terms: null,
    refunds: shop.refundsOf(order.id).map((refund) => refundPayload(order, refund)),
    shipping_address: restAddress(order.shippingAddress),
    shipping_lines: [
      {
        id: order.id,
        carrier_identifier: null,
        code: order.deliveryMethod === "PICK_UP" ? "Pickup" : "Standard",
        current_discounted_price_set: shippingPrice,
        discounted_price: shopZero,
        discounted_price_set: shippingPrice,
        is_removed: false,
        phone: null,
        price: shopZero,
        price_set: shippingPrice,
        requested_fulfillment_service_id: null,
        source: "shopify",
        title: order.deliveryMethod === "PICK_UP" ? "Pickup in store" : "Standard",
        tax_lines: [],
        discount_allocations: [],
      },
    ],
    returns: [],
    line_item_groups: [],
  };
}


/**
 * orders/risk_assessment_changed, with exactly the keys of Shopify's example payload in its order
 * (FIDELITY WP-16): `{"provider_id": null, "provider_title": null, "risk_level": "medium",
 * "created_at": null, "order_id": null, "admin_graphql_api_order_id": null}`. The topic's
 * description: "Includes the risk level, risk facts, the provider and the order ID. When the provider
 * is Shopify, that field is null. Does not include the risk recommendation for the order." The
 * simulator's assessments are Shopify's own, so the provider is null; the level is in lower case
 * as the example's; the order's ids and the assessment's time are the simulator's own (null in the
 * example, which shows no order). The example publishes no `facts` key, so none is sent.
 */
export function riskAssessmentChangedPayload(event: { orderId: number; riskLevel: string; createdAt: string }) {
  return {
    provider_id: null,
    provider_title: null,
    risk_level: event.riskLevel.toLowerCase(),
    created_at: event.createdAt,
    order_id: event.orderId,
    admin_graphql_api_order_id: gid("Order", event.orderId),
  };
}
