// Shopify's webhook payloads (REST resource shapes), parsed with zod and mapped to what the services
// take. Lenient on fields Crossdock does not use; strict on the ones it does.
import { z } from "zod";
import type { OrderLineSnapshot, OrderSnapshotInput } from "~/models/orders.server";
import type { JsonValue } from "~/models/scope.server";

const id = z.union([z.number(), z.string()]).transform(String);
const nullableString = z.string().nullish().transform((v) => v ?? null);
const date = z.string().transform((value, ctx) => {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) {
    ctx.addIssue({ code: "custom", message: `not a date: ${value}` });
    return z.NEVER;
  }
  return parsed;
});

export function toGid(type: string, value: string | number): string {
  const s = String(value);
  return s.startsWith("gid://") ? s : `gid://shopify/${type}/${s}`;
}

const restLineItem = z.looseObject({
  id,
  admin_graphql_api_id: z.string().optional(),
  variant_id: id.nullish(),
  product_id: id.nullish(),
  sku: nullableString,
  title: z.string().nullish(),
  name: z.string().nullish(),
  quantity: z.number().int(),
  price: z.union([z.string(), z.number()]).nullish(),
  requires_shipping: z.boolean().nullish(),
});

export const orderPayloadSchema = z.looseObject({
  id,
  admin_graphql_api_id: z.string().optional(),
  name: z.string(),
  email: nullableString,
  contact_email: nullableString,
  phone: nullableString,
  customer: z
    .looseObject({ id, email: nullableString, phone: nullableString, admin_graphql_api_id: z.string().optional() })
    .nullish(),
  financial_status: nullableString,
  fulfillment_status: nullableString,
  cancelled_at: date.nullish(),
  closed_at: date.nullish(),
  currency: nullableString,
  total_price: z.union([z.string(), z.number()]).nullish(),
  tags: z.string().nullish(),
  note_attributes: z.array(z.object({ name: z.string(), value: z.unknown() })).nullish(),
  shipping_address: z.record(z.string(), z.unknown()).nullish(),
  line_items: z.array(restLineItem).default([]),
  created_at: date,
  updated_at: date.nullish(),
});

/** orders/create, orders/updated, orders/cancelled → an order snapshot. */
export function orderSnapshotFromPayload(payload: unknown, fallbackUpdatedAt: Date): OrderSnapshotInput {
  const o = orderPayloadSchema.parse(payload);
  const lineItems: OrderLineSnapshot[] = o.line_items.map((l) => ({
    id: l.admin_graphql_api_id ?? toGid("LineItem", l.id),
    variantId: l.variant_id ? toGid("ProductVariant", l.variant_id) : null,
    productId: l.product_id ? toGid("Product", l.product_id) : null,
    sku: l.sku,
    title: l.name ?? l.title ?? "",
    quantity: l.quantity,
    price: l.price == null ? null : String(l.price),
    requiresShipping: l.requires_shipping ?? true,
  }));
  return {
    shopifyId: o.admin_graphql_api_id ?? toGid("Order", o.id),
    legacyResourceId: o.id,
    name: o.name,
    email: o.email ?? o.contact_email,
    phone: o.phone,
    customer: o.customer
      ? { id: o.customer.admin_graphql_api_id ?? toGid("Customer", o.customer.id), email: o.customer.email, phone: o.customer.phone }
      : null,
    financialStatus: o.financial_status?.toLowerCase() ?? null,
    fulfillmentStatus: o.fulfillment_status?.toLowerCase() ?? null,
    cancelledAt: o.cancelled_at ?? null,
    closedAt: o.closed_at ?? null,
    currency: o.currency,
    totalPrice: o.total_price == null ? null : String(o.total_price),
    tags: (o.tags ?? "").split(",").map((t) => t.trim()).filter(Boolean),
    noteAttributes: (o.note_attributes ?? []).map((a) => ({ name: a.name, value: a.value == null ? null : String(a.value) })),
    shippingAddress: (o.shipping_address ?? null) as { [key: string]: JsonValue } | null,
    lineItems,
    shopifyCreatedAt: o.created_at,
    shopifyUpdatedAt: o.updated_at ?? fallbackUpdatedAt,
  };
}

export const inventoryLevelPayloadSchema = z.looseObject({
  inventory_item_id: id,
  location_id: id,
  available: z.number().int().nullable(),
  updated_at: date.nullish(),
});

export interface InventoryLevelUpdate {
  inventoryItemId: string;
  locationShopifyId: string;
  /** null: the item is no longer stocked at the location */
  available: number | null;
  /** Shopify's time of this state: payload updated_at, else X-Shopify-Triggered-At. */
  updatedAt: Date;
}

export function inventoryUpdateFromPayload(payload: unknown, fallbackUpdatedAt: Date): InventoryLevelUpdate {
  const p = inventoryLevelPayloadSchema.parse(payload);
  return {
    inventoryItemId: toGid("InventoryItem", p.inventory_item_id),
    locationShopifyId: toGid("Location", p.location_id),
    available: p.available,
    updatedAt: p.updated_at ?? fallbackUpdatedAt,
  };
}

const complianceCustomer = z.looseObject({ id, email: nullableString, phone: nullableString });

export const customerRedactPayloadSchema = z.looseObject({
  shop_domain: z.string(),
  customer: complianceCustomer,
  orders_to_redact: z.array(id).default([]),
});

export const customerDataRequestPayloadSchema = z.looseObject({
  shop_domain: z.string(),
  customer: complianceCustomer,
  orders_requested: z.array(id).default([]),
  data_request: z.looseObject({ id }).nullish(),
});

export const scopesUpdatePayloadSchema = z.looseObject({
  current: z.union([z.array(z.string()), z.string()]),
});

/**
 * fulfillment_orders/order_routing_complete: Shopify's example payload names one fulfillment order
 * (its GID) and its status, nothing about the order; the status is not needed (only the id is read).
 */
export const orderRoutingCompletePayloadSchema = z.looseObject({
  fulfillment_order: z.looseObject({ id: id.transform((value) => toGid("FulfillmentOrder", value)) }),
});

/**
 * orders/risk_assessment_changed: Shopify's example payload is `{provider_id, provider_title,
 * risk_level, created_at, order_id, admin_graphql_api_order_id}` (the two ids null in the example).
 * Only the order is read from it (its GID, else its id): the job reads the order's risk live.
 * `orderId` is null when the delivery names no order.
 */
export const riskAssessmentChangedPayloadSchema = z
  .looseObject({ admin_graphql_api_order_id: z.string().nullish(), order_id: id.nullish() })
  .transform((p) => ({ orderId: p.admin_graphql_api_order_id ?? (p.order_id ? toGid("Order", p.order_id) : null) }));

/**
 * fulfillment_events/create, in the shape of Shopify's example payload (tests/fixtures/webhooks/
 * fulfillment_events/create.shape.json): the event's numeric `id` and `admin_graphql_api_id`, its
 * `fulfillment_id` and `order_id`, a lower-case `status`, the carrier's `message`, `happened_at` and
 * `estimated_delivery_at` (null in the example). The place fields are not kept.
 */
export const fulfillmentEventPayloadSchema = z
  .looseObject({
    id,
    admin_graphql_api_id: z.string().nullish(),
    fulfillment_id: id,
    order_id: id,
    status: z.string().min(1),
    message: nullableString,
    happened_at: date.nullish(),
    created_at: date.nullish(),
    estimated_delivery_at: date.nullish(),
  })
  .transform((p) => ({
    eventId: p.admin_graphql_api_id ?? toGid("FulfillmentEvent", p.id),
    fulfillmentId: toGid("Fulfillment", p.fulfillment_id),
    orderId: toGid("Order", p.order_id),
    status: p.status.trim().toUpperCase(),
    message: p.message?.trim() || null,
    happenedAt: p.happened_at ?? p.created_at ?? null,
    estimatedDeliveryAt: p.estimated_delivery_at ?? null,
  }));
export type FulfillmentEventPayload = z.output<typeof fulfillmentEventPayloadSchema>;
