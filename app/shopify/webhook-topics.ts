// The webhook topics Crossdock subscribes (shopify.app.toml, one route file each under
// app/routes/webhooks.*; tests/unit/app-config.test.ts holds the two to this list). A delivery of
// any other topic is acknowledged and dropped (app/services/receive-webhook.server.ts).
export const SUBSCRIBED_TOPICS = [
  "app/scopes_update",
  "app/uninstalled",
  "fulfillment_events/create",
  "fulfillment_orders/order_routing_complete",
  "fulfillments/create",
  "fulfillments/update",
  "inventory_levels/update",
  "locations/create",
  "locations/delete",
  "locations/update",
  "orders/cancelled",
  "orders/create",
  "orders/updated",
  "refunds/create",
  "returns/approve",
  "returns/cancel",
  "returns/close",
  "returns/decline",
  "returns/process",
  "returns/reopen",
  "returns/request",
  "reverse_deliveries/attach_deliverable",
  "reverse_fulfillment_orders/dispose",
] as const;

/** Shopify's mandatory compliance topics (`compliance_topics` in shopify.app.toml). */
export const COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"] as const;

const subscribed: ReadonlySet<string> = new Set<string>([...SUBSCRIBED_TOPICS, ...COMPLIANCE_TOPICS]);

export function isSubscribedTopic(topic: string): boolean {
  return subscribed.has(topic);
}

/** A shop's permanent domain as Shopify sends it in X-Shopify-Shop-Domain. */
export const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/;
