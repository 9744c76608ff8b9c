/**
 * What an Activity row is about, read from its webhook's payload: "Order #1021", "Return #1021-R1",
 * a location's name. Where the payload only carries the order's id (refunds, some returns topics),
 * `orderId` asks the caller to name the order from Crossdock's copy. Pure.
 */
export type DeliverySubject =
  | { kind: "order" | "return" | "location"; name: string }
  | { kind: "order-id"; orderId: string }
  /** A return known only by its Shopify id: named from Crossdock's copy of the return. */
  | { kind: "return-id"; returnId: string }
  /** Stock at a location known by its id (inventory_levels/*): named from Crossdock's locations. */
  | { kind: "stock-at"; locationId: string };

export function deliverySubject(topic: string, payload: unknown): DeliverySubject | null {
  if (typeof payload !== "object" || payload === null) return null;
  const p = payload as Record<string, unknown>;
  const name = typeof p.name === "string" && p.name.trim() ? p.name.trim() : null;
  const [resource] = topic.split("/");
  if (resource === "orders" && name) return { kind: "order", name };
  if (resource === "locations" && name) return { kind: "location", name };
  if (resource === "returns" && name) return { kind: "return", name };
  const order = p.order as Record<string, unknown> | undefined;
  const orderGid = typeof order?.admin_graphql_api_id === "string" ? order.admin_graphql_api_id : null;
  const orderNumber = typeof p.order_id === "number" || typeof p.order_id === "string" ? String(p.order_id) : typeof order?.id === "number" ? String(order.id) : null;
  if (resource === "returns" || resource === "refunds" || resource === "fulfillments") {
    if (orderGid) return { kind: "order-id", orderId: orderGid };
    if (orderNumber && /^\d+$/.test(orderNumber)) return { kind: "order-id", orderId: `gid://shopify/Order/${orderNumber}` };
  }
  if (resource === "returns" && typeof p.admin_graphql_api_id === "string" && p.admin_graphql_api_id.startsWith("gid://shopify/Return/")) return { kind: "return-id", returnId: p.admin_graphql_api_id };
  const locationId = typeof p.location_id === "number" || (typeof p.location_id === "string" && /^\d+$/.test(p.location_id)) ? String(p.location_id) : null;
  if (resource === "inventory_levels" && locationId) return { kind: "stock-at", locationId: `gid://shopify/Location/${locationId}` };
  return null;
}

/**
 * What kind of thing a row without a named subject was about, for its second line ("Stock sync",
 * "Location update"): never an empty cell or the topic's code.
 */
export function topicArea(topic: string): "stock" | "location" | "order" | "fulfillment" | "return" | "refund" | "app" | "privacy" | "other" {
  const [resource] = topic.split("/");
  switch (resource) {
    case "inventory_levels":
    case "inventory_items":
      return "stock";
    case "locations":
      return "location";
    case "orders":
      return "order";
    case "fulfillments":
    case "fulfillment_orders":
      return "fulfillment";
    case "returns":
    case "reverse_deliveries":
    case "reverse_fulfillment_orders":
      return "return";
    case "refunds":
      return "refund";
    case "app":
      return "app";
    case "customers":
    case "shop":
      return "privacy";
    default:
      return "other";
  }
}
