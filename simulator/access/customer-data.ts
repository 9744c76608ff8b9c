/**
 * Protected customer data (https://shopify.dev/docs/apps/launch/protected-customer-data): what an
 * installation may read depends on the app's approval, per shop here (FIDELITY.md "Protected
 * customer data"):
 *
 * - level 0 (no approval): objects that are customer data (orders, customers, fulfillment orders …)
 *   answer "This app is not approved to access the Order object", and webhook topics carrying them
 *   cannot be subscribed;
 * - level 1: those objects, with the protected fields (name, email, phone, address) redacted;
 * - level 2: level 1 plus the protected fields the app was approved for.
 *
 * A redacted GraphQL field is null with an error naming its object (the page's example); a redacted
 * webhook field is null, the payload keeping its shape.
 */
import type { ProtectedField } from "./schema-access";

export type { ProtectedField };

export interface CustomerDataApproval {
  level: 0 | 1 | 2;
  /** Approved protected fields (level 2 only). */
  fields: ProtectedField[];
}

export const PROTECTED_CUSTOMER_DATA_DOC = "https://shopify.dev/docs/apps/launch/protected-customer-data";

/**
 * Objects that are protected customer data (the page's table: customers; orders, draft orders,
 * abandoned checkouts, refunds, transactions; shipping and fulfillment; gift cards; shipping rates;
 * and, as data of a single customer's order, returns).
 */
export const CUSTOMER_DATA_TYPES = new Set([
  "Customer",
  "Order",
  "DraftOrder",
  "AbandonedCheckout",
  "Refund",
  "OrderTransaction",
  "FulfillmentOrder",
  "Fulfillment",
  "Return",
  "GiftCard",
  "ShippingRate",
]);

/** Webhook topics whose payloads are customer data ("Webhooks … Events … that relate to a single customer or order"). */
const CUSTOMER_DATA_TOPIC = /^(orders|fulfillments|fulfillment_orders|fulfillment_events|fulfillment_holds|refunds|returns|reverse_deliveries|reverse_fulfillment_orders|customers|draft_orders|checkouts|disputes)\//;
/** The mandatory compliance topics reach every app. */
const COMPLIANCE_TOPICS = new Set(["customers/data_request", "customers/redact", "shop/redact"]);

export function topicCarriesCustomerData(topic: string): boolean {
  return CUSTOMER_DATA_TOPIC.test(topic) && !COMPLIANCE_TOPICS.has(topic);
}

export function fieldApproved(approval: CustomerDataApproval, field: ProtectedField): boolean {
  return approval.level === 2 && approval.fields.includes(field);
}

export function notApprovedForObject(typeName: string): string {
  return `This app is not approved to access the ${typeName} object. See ${PROTECTED_CUSTOMER_DATA_DOC} for more details.`;
}

export const NOT_APPROVED_FOR_TOPIC = `This app is not approved to subscribe to webhook topics containing protected customer data. See ${PROTECTED_CUSTOMER_DATA_DOC} for more details.`;

/**
 * The keys of Shopify's webhook payloads (REST shapes) that hold each protected field. Address:
 * "address line 1, address line 2, geolocation, and zip codes" (the page); a name is `name` only in
 * objects that are people or addresses (with first or last names).
 */
const PAYLOAD_KEYS: Record<ProtectedField, string[]> = {
  name: ["first_name", "last_name"],
  email: ["email", "contact_email"],
  phone: ["phone"],
  address: ["address1", "address2", "zip", "latitude", "longitude"],
};

/** The payload with every unapproved protected field set to null (a copy; the shape stays). */
export function redactPayload(payload: unknown, approval: CustomerDataApproval): unknown {
  const hidden = new Set<string>();
  for (const field of Object.keys(PAYLOAD_KEYS) as ProtectedField[]) {
    if (!fieldApproved(approval, field)) for (const key of PAYLOAD_KEYS[field]) hidden.add(key);
  }
  if (hidden.size === 0) return payload;
  const hideName = !fieldApproved(approval, "name");
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    const person = "first_name" in record || "last_name" in record;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(record)) {
      if (hidden.has(key) || (hideName && person && key === "name")) out[key] = null;
      else out[key] = walk(child);
    }
    return out;
  };
  return walk(payload);
}
