import type { RoutableOrder } from "~/domain/routing/order-input";
import { adminRequest, AdminUserError, type AdminGraphql } from "./admin-graphql";

/** What routing needs to know about one order, read live from the Admin API. */
export type OrderForRouting = RoutableOrder;

export const ORDER_FOR_ROUTING_QUERY = `#graphql
  query CrossdockOrderForRouting($id: ID!) {
    order(id: $id) {
      id
      name
      createdAt
      cancelledAt
      shippingAddress {
        latitude
        longitude
        countryCodeV2
      }
      customAttributes {
        key
        value
      }
      lineItems(first: 50) {
        nodes {
          id
          sku
          currentQuantity
          variant {
            id
          }
          product {
            tags
            productType
          }
        }
      }
      fulfillmentOrders(first: 10) {
        nodes {
          id
          status
          assignedLocation {
            location {
              id
            }
          }
          deliveryMethod {
            methodType
          }
          lineItems(first: 20) {
            nodes {
              id
              remainingQuantity
              lineItem {
                id
              }
            }
          }
        }
      }
    }
  }
`;

interface OrderData {
  order: {
    id: string;
    name: string;
    createdAt: string;
    cancelledAt: string | null;
    shippingAddress: { latitude: number | null; longitude: number | null; countryCodeV2: string | null } | null;
    customAttributes: { key: string; value: string | null }[];
    lineItems: {
      nodes: {
        id: string;
        sku: string | null;
        currentQuantity: number;
        variant: { id: string } | null;
        product: { tags: string[]; productType: string } | null;
      }[];
    };
    fulfillmentOrders: {
      nodes: {
        id: string;
        status: string;
        assignedLocation: { location: { id: string } | null };
        deliveryMethod: { methodType: string } | null;
        lineItems: { nodes: { id: string; remainingQuantity: number; lineItem: { id: string } }[] };
      }[];
    };
  } | null;
}

export async function fetchOrderForRouting(graphql: AdminGraphql, orderId: string): Promise<OrderForRouting | null> {
  const { order } = await adminRequest<OrderData>(graphql, ORDER_FOR_ROUTING_QUERY, { id: orderId });
  if (!order) return null;
  return {
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    cancelledAt: order.cancelledAt,
    destination: order.shippingAddress
      ? {
          latitude: order.shippingAddress.latitude,
          longitude: order.shippingAddress.longitude,
          countryCode: order.shippingAddress.countryCodeV2,
        }
      : null,
    attributes: Object.fromEntries(order.customAttributes.map((a) => [a.key, a.value ?? ""])),
    lines: order.lineItems.nodes
      .filter((l) => l.currentQuantity > 0)
      .map((l) => ({
        id: l.id,
        sku: l.sku,
        variantId: l.variant?.id ?? null,
        quantity: l.currentQuantity,
        productTags: l.product?.tags ?? [],
        productType: l.product?.productType || null,
      })),
    fulfillmentOrders: order.fulfillmentOrders.nodes.map((fo) => ({
      id: fo.id,
      status: fo.status,
      locationId: fo.assignedLocation.location?.id ?? "",
      deliveryMethod: fo.deliveryMethod?.methodType ?? null,
      lines: fo.lineItems.nodes.map((l) => ({ id: l.id, lineItemId: l.lineItem.id, remainingQuantity: l.remainingQuantity })),
    })),
  };
}

export const FULFILLMENT_ORDER_ORDER_QUERY = `#graphql
  query CrossdockFulfillmentOrderOrder($id: ID!) {
    fulfillmentOrder(id: $id) {
      orderId
    }
  }
`;

/** The order a fulfillment order belongs to (order_routing_complete names only the fulfillment order). */
export async function fetchFulfillmentOrderOrderId(graphql: AdminGraphql, fulfillmentOrderId: string): Promise<string | null> {
  const data = await adminRequest<{ fulfillmentOrder: { orderId: string } | null }>(graphql, FULFILLMENT_ORDER_ORDER_QUERY, { id: fulfillmentOrderId });
  return data.fulfillmentOrder?.orderId ?? null;
}

export const VARIANT_STOCK_QUERY = `#graphql
  query CrossdockVariantStock($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        id
        inventoryItem {
          inventoryLevels(first: 50) {
            nodes {
              location {
                id
              }
              quantities(names: ["available"]) {
                name
                quantity
              }
            }
          }
        }
      }
    }
  }
`;

interface VariantStockData {
  nodes: ({
    id: string;
    inventoryItem: {
      inventoryLevels: { nodes: { location: { id: string }; quantities: { name: string; quantity: number }[] }[] };
    };
  } | null)[];
}

/** Variants per request: each costs about 155 points, and one query may cost at most 1000. */
export const VARIANTS_PER_REQUEST = 5;

/** Live available units per variant and location: `stock[variantId][locationId]`. */
export async function fetchVariantStock(
  graphql: AdminGraphql,
  variantIds: readonly string[],
): Promise<Record<string, Record<string, number>>> {
  const ids = [...new Set(variantIds)];
  const nodes: VariantStockData["nodes"] = [];
  for (let i = 0; i < ids.length; i += VARIANTS_PER_REQUEST) {
    const data = await adminRequest<VariantStockData>(graphql, VARIANT_STOCK_QUERY, { ids: ids.slice(i, i + VARIANTS_PER_REQUEST) });
    nodes.push(...data.nodes);
  }
  const stock: Record<string, Record<string, number>> = {};
  for (const node of nodes) {
    if (!node?.inventoryItem) continue;
    const byLocation: Record<string, number> = {};
    for (const level of node.inventoryItem.inventoryLevels.nodes) {
      byLocation[level.location.id] = level.quantities.find((q) => q.name === "available")?.quantity ?? 0;
    }
    stock[node.id] = byLocation;
  }
  return stock;
}

export const LOCATIONS_FOR_MOVE_QUERY = `#graphql
  query CrossdockLocationsForMove($id: ID!, $lineItemIds: [ID!], $locationIds: [ID!]) {
    fulfillmentOrder(id: $id) {
      locationsForMove(first: 100, lineItemIds: $lineItemIds, locationIds: $locationIds) {
        nodes {
          location {
            id
          }
          movable
          message
        }
      }
    }
  }
`;

interface LocationsForMoveData {
  fulfillmentOrder: {
    locationsForMove: { nodes: { location: { id: string }; movable: boolean; message: string | null }[] };
  } | null;
}

/** Whether Shopify allows moving these FO line items to the location, and why not. */
export async function checkMovable(
  graphql: AdminGraphql,
  input: { fulfillmentOrderId: string; locationId: string; lineItemIds?: string[] },
): Promise<{ movable: boolean; message: string | null }> {
  const data = await adminRequest<LocationsForMoveData>(graphql, LOCATIONS_FOR_MOVE_QUERY, {
    id: input.fulfillmentOrderId,
    lineItemIds: input.lineItemIds ?? null,
    locationIds: [input.locationId],
  });
  const entry = data.fulfillmentOrder?.locationsForMove.nodes.find((n) => n.location.id === input.locationId);
  if (!data.fulfillmentOrder) return { movable: false, message: "The fulfillment order no longer exists" };
  return entry ? { movable: entry.movable, message: entry.message } : { movable: false, message: "Shopify does not offer this location" };
}

export const FULFILLMENT_ORDER_MOVE_MUTATION = `#graphql
  mutation CrossdockFulfillmentOrderMove($id: ID!, $newLocationId: ID!, $lines: [FulfillmentOrderLineItemInput!]) {
    fulfillmentOrderMove(id: $id, newLocationId: $newLocationId, fulfillmentOrderLineItems: $lines) {
      movedFulfillmentOrder {
        id
        assignedLocation {
          location {
            id
          }
        }
      }
      originalFulfillmentOrder {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`;

interface MoveData {
  fulfillmentOrderMove: {
    movedFulfillmentOrder: { id: string; assignedLocation: { location: { id: string } | null } } | null;
    originalFulfillmentOrder: { id: string; status: string } | null;
    userErrors: { field: string[] | null; message: string }[];
  };
}

/** Moves a whole fulfillment order (no lines) or the given lines (Shopify splits it). */
export async function moveFulfillmentOrder(
  graphql: AdminGraphql,
  input: { fulfillmentOrderId: string; newLocationId: string; lines?: { id: string; quantity: number }[] },
): Promise<{ movedFulfillmentOrderId: string; originalFulfillmentOrder: { id: string; status: string } | null }> {
  const { fulfillmentOrderMove: result } = await adminRequest<MoveData>(graphql, FULFILLMENT_ORDER_MOVE_MUTATION, {
    id: input.fulfillmentOrderId,
    newLocationId: input.newLocationId,
    lines: input.lines ?? null,
  });
  if (result.userErrors.length > 0 || !result.movedFulfillmentOrder) {
    throw new AdminUserError("fulfillmentOrderMove", result.userErrors.length ? result.userErrors : [{ message: "No fulfillment order was moved" }]);
  }
  return {
    movedFulfillmentOrderId: result.movedFulfillmentOrder.id,
    // `remainingFulfillmentOrder` is deprecated; the original's final state says what stayed behind.
    originalFulfillmentOrder: result.originalFulfillmentOrder,
  };
}
