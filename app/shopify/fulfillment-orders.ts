import type { RoutableOrder } from "~/domain/routing/order-input";
import type { HoldFacts } from "~/domain/routing/hold";
import type { CrossdockOrderOpenFulfillmentOrdersQuery, CrossdockVariantStockQuery } from "~/types/admin.generated";
import { adminRequest, AdminUserError, type AdminGraphql } from "./admin-graphql";

/**
 * An order as the routing simulator reads it (Routing → Open simulator): every line as at arrival,
 * and the open fulfillment orders. Live routing reads less (fetchOrderRoutingState).
 */
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
        provinceCode
        province
        city
        zip
      }
      customAttributes {
        key
        value
      }
      lineItems(first: 50) {
        nodes {
          id
          sku
          name
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
      fulfillmentOrders(first: 5, query: "status:open") {
        nodes {
          id
          status
          updatedAt
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

/** An order's shipping address as routing places it (every field may be absent, or redacted). */
function toDestination(a: {
  latitude?: number | null;
  longitude?: number | null;
  countryCodeV2?: string | null;
  provinceCode?: string | null;
  province?: string | null;
  city?: string | null;
  zip?: string | null;
}): NonNullable<OrderRoutingState["order"]["destination"]> {
  return {
    latitude: a.latitude ?? null,
    longitude: a.longitude ?? null,
    countryCode: a.countryCodeV2 ?? null,
    provinceCode: a.provinceCode ?? null,
    province: a.province ?? null,
    city: a.city ?? null,
    zip: a.zip ?? null,
  };
}

export async function fetchOrderForRouting(graphql: AdminGraphql, orderId: string): Promise<OrderForRouting | null> {
  const { order } = await adminRequest(graphql, ORDER_FOR_ROUTING_QUERY, { id: orderId });
  if (!order) return null;
  return {
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    cancelledAt: order.cancelledAt ?? null,
    destination: order.shippingAddress ? toDestination(order.shippingAddress) : null,
    attributes: Object.fromEntries(order.customAttributes.map((a) => [a.key, a.value ?? ""])),
    lines: order.lineItems.nodes
      .filter((l) => l.currentQuantity > 0)
      .map((l) => ({
        id: l.id,
        sku: l.sku ?? null,
        variantId: l.variant?.id ?? null,
        quantity: l.currentQuantity,
        productTags: l.product?.tags ?? [],
        productType: l.product?.productType || null,
        title: l.name,
      })),
    fulfillmentOrders: order.fulfillmentOrders.nodes.map((fo) => ({
      id: fo.id,
      status: fo.status,
      updatedAt: fo.updatedAt,
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

/** The order's open fulfillment orders as they are now (after a move whose answer was lost). */
export async function fetchOpenFulfillmentOrders(graphql: AdminGraphql, orderId: string): Promise<OpenFulfillmentOrder[] | null> {
  const data = await adminRequest(graphql, ORDER_OPEN_FULFILLMENT_ORDERS_QUERY, { id: orderId, after: null });
  return data.order ? completePage(graphql, orderId, data.order.fulfillmentOrders) : null;
}

/** The order a fulfillment order belongs to (order_routing_complete names only the fulfillment order). */
export async function fetchFulfillmentOrderOrderId(graphql: AdminGraphql, fulfillmentOrderId: string): Promise<string | null> {
  const data = await adminRequest(graphql, FULFILLMENT_ORDER_ORDER_QUERY, { id: fulfillmentOrderId });
  return data.fulfillmentOrder?.orderId ?? null;
}

export const VARIANT_STOCK_QUERY = `#graphql
  query CrossdockVariantStock($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        id
        sku
        inventoryItem {
          id
          inventoryLevels(first: 50) {
            nodes {
              updatedAt
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

/** Variants per request: each requests 154 points (50 levels × 3, + 4); three stay within 600. */
export const VARIANTS_PER_REQUEST = 3;

/** A variant's level at one location as Shopify has it now (what Crossdock's mirror stores). */
export interface LiveVariantLevel {
  variantId: string;
  sku: string | null;
  inventoryItemId: string;
  locationId: string;
  available: number;
  /** When Shopify last changed the level. */
  updatedAt: Date;
}

/**
 * Live levels of the given variants at every location. Routing uses the stock Crossdock mirrors
 * from webhooks; this reads what the mirror does not know yet (and the mirror keeps it).
 */
export async function fetchVariantLevels(graphql: AdminGraphql, variantIds: readonly string[]): Promise<LiveVariantLevel[]> {
  const ids = [...new Set(variantIds)];
  const nodes: CrossdockVariantStockQuery["nodes"] = [];
  for (let i = 0; i < ids.length; i += VARIANTS_PER_REQUEST) {
    const data = await adminRequest(graphql, VARIANT_STOCK_QUERY, { ids: ids.slice(i, i + VARIANTS_PER_REQUEST) });
    nodes.push(...data.nodes);
  }
  const levels: LiveVariantLevel[] = [];
  for (const node of nodes) {
    // `nodes` answers {} for an id that is not a variant (only the `... on ProductVariant` fields exist).
    if (!node?.inventoryItem) continue;
    for (const level of node.inventoryItem.inventoryLevels.nodes) {
      levels.push({
        variantId: node.id,
        sku: node.sku ?? null,
        inventoryItemId: node.inventoryItem.id,
        locationId: level.location.id,
        available: level.quantities.find((q) => q.name === "available")?.quantity ?? 0,
        updatedAt: new Date(level.updatedAt),
      });
    }
  }
  return levels;
}

// A fulfillment order as routing reads it: only OPEN ones (`query: "status:open"`), so closed or
// cancelled ones can never crowd the open ones out of a page; pages are followed.
// The same selection is written out in each document below (a #graphql document stands alone).

/** A page of open fulfillment orders, as each of the documents below selects it. */
type FulfillmentOrderPage = NonNullable<CrossdockOrderOpenFulfillmentOrdersQuery["order"]>["fulfillmentOrders"];

/** An open fulfillment order's state: where it is, and the units left on each of its lines. */
export interface OpenFulfillmentOrder {
  id: string;
  status: string;
  locationId: string;
  deliveryMethod: string | null;
  /** When Shopify last changed it (a move commits its units at the new location then). */
  updatedAt: string;
  lines: { id: string; sku: string | null; variantId: string | null; remainingQuantity: number; title?: string }[];
}

export const ORDER_ROUTING_STATE_QUERY = `#graphql
  query CrossdockOrderRoutingState($id: ID!, $withProducts: Boolean!) {
    order(id: $id) {
      id
      name
      createdAt
      cancelledAt
      displayFinancialStatus
      risk {
        recommendation
        assessments {
          riskLevel
        }
      }
      shippingAddress {
        latitude
        longitude
        countryCodeV2
        provinceCode
        province
        city
        zip
      }
      customAttributes {
        key
        value
      }
      anyFulfillmentOrder: fulfillmentOrders(first: 1) {
        nodes {
          id
        }
      }
      fulfillmentOrders(first: 5, query: "status:open") {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          updatedAt
          deliveryMethod {
            methodType
          }
          assignedLocation {
            location {
              id
            }
          }
          lineItems(first: 20) {
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              sku
              remainingQuantity
              productTitle
              variantTitle
              variant {
                id
              }
            }
          }
        }
      }
      lineItems(first: 50) @include(if: $withProducts) {
        nodes {
          variant {
            id
          }
          product {
            tags
            productType
          }
        }
      }
    }
  }
`;

export const ORDER_OPEN_FULFILLMENT_ORDERS_QUERY = `#graphql
  query CrossdockOrderOpenFulfillmentOrders($id: ID!, $after: String) {
    order(id: $id) {
      fulfillmentOrders(first: 5, after: $after, query: "status:open") {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          updatedAt
          deliveryMethod {
            methodType
          }
          assignedLocation {
            location {
              id
            }
          }
          lineItems(first: 20) {
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              sku
              remainingQuantity
              productTitle
              variantTitle
              variant {
                id
              }
            }
          }
        }
      }
    }
  }
`;

export const FULFILLMENT_ORDER_LINES_QUERY = `#graphql
  query CrossdockFulfillmentOrderLines($id: ID!, $after: String) {
    fulfillmentOrder(id: $id) {
      lineItems(first: 50, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          sku
          remainingQuantity
          productTitle
          variantTitle
          variant {
            id
          }
        }
      }
    }
  }
`;

/** What the live routing path reads of an order: the order's facts and its open fulfillment orders. */
export interface OrderRoutingState {
  order: {
    id: string;
    name: string;
    createdAt: string;
    cancelledAt: string | null;
    destination: {
      latitude: number | null;
      longitude: number | null;
      countryCode: string | null;
      provinceCode: string | null;
      province: string | null;
      city: string | null;
      zip: string | null;
    } | null;
    attributes: Record<string, string>;
  };
  /** What holds an order before routing (hold.ts): its payment and risk as Shopify assessed them. */
  hold: HoldFacts;
  /** False until Shopify's routing job created the order's fulfillment orders. */
  hasFulfillmentOrders: boolean;
  openFulfillmentOrders: OpenFulfillmentOrder[];
  /** Variant → product tags and type (only when asked for: the shop's rules use them). */
  products: Record<string, { tags: string[]; productType: string | null }>;
}

/**
 * The live routing path's one read of an order (more only for orders with over 5 open fulfillment
 * orders or 20 lines in one): its facts, whether Shopify created its fulfillment orders yet, and
 * the open ones. Product tags only when the shop's rules need them.
 */
export async function fetchOrderRoutingState(
  graphql: AdminGraphql,
  orderId: string,
  options: { withProducts: boolean },
): Promise<OrderRoutingState | null> {
  const { order } = await adminRequest(graphql, ORDER_ROUTING_STATE_QUERY, { id: orderId, withProducts: options.withProducts });
  if (!order) return null;
  const a = order.shippingAddress;
  const products: OrderRoutingState["products"] = {};
  for (const line of order.lineItems?.nodes ?? []) {
    if (line.variant && line.product) products[line.variant.id] = { tags: line.product.tags, productType: line.product.productType || null };
  }
  return {
    order: {
      id: order.id,
      name: order.name,
      createdAt: order.createdAt,
      cancelledAt: order.cancelledAt ?? null,
      destination: a ? toDestination(a) : null,
      attributes: Object.fromEntries(order.customAttributes.map((c) => [c.key, c.value ?? ""])),
    },
    hold: {
      financialStatus: order.displayFinancialStatus ?? null,
      riskLevels: order.risk.assessments.map((r) => r.riskLevel),
      riskRecommendation: order.risk.recommendation,
    },
    hasFulfillmentOrders: order.anyFulfillmentOrder.nodes.length > 0,
    openFulfillmentOrders: await completePage(graphql, order.id, order.fulfillmentOrders),
    products,
  };
}

/** Follows the pages of open fulfillment orders, and of lines within one, to the end. */
async function completePage(graphql: AdminGraphql, orderId: string, first: FulfillmentOrderPage): Promise<OpenFulfillmentOrder[]> {
  const nodes = [...first.nodes];
  let page = first.pageInfo;
  while (page.hasNextPage) {
    const data = await adminRequest(graphql, ORDER_OPEN_FULFILLMENT_ORDERS_QUERY, { id: orderId, after: page.endCursor ?? null });
    if (!data.order) break;
    nodes.push(...data.order.fulfillmentOrders.nodes);
    page = data.order.fulfillmentOrders.pageInfo;
  }
  const result: OpenFulfillmentOrder[] = [];
  for (const fo of nodes) {
    const lines = [...fo.lineItems.nodes];
    let linePage = fo.lineItems.pageInfo;
    while (linePage.hasNextPage) {
      const data = await adminRequest(graphql, FULFILLMENT_ORDER_LINES_QUERY, { id: fo.id, after: linePage.endCursor ?? null });
      if (!data.fulfillmentOrder) break;
      lines.push(...data.fulfillmentOrder.lineItems.nodes);
      linePage = data.fulfillmentOrder.lineItems.pageInfo;
    }
    result.push({
      id: fo.id,
      status: fo.status,
      locationId: fo.assignedLocation.location?.id ?? "",
      deliveryMethod: fo.deliveryMethod?.methodType ?? null,
      updatedAt: fo.updatedAt,
      lines: lines.map((l) => ({
        id: l.id,
        sku: l.sku ?? null,
        variantId: l.variant?.id ?? null,
        remainingQuantity: l.remainingQuantity,
        // What the admin names the item by (never its variant id).
        title: l.variantTitle ? `${l.productTitle} – ${l.variantTitle}` : l.productTitle,
      })),
    });
  }
  return result;
}

/**
 * The units still to route, as the routing engine takes them: one line per variant (units of one
 * variant are interchangeable wherever they sit), the open fulfillment orders with their lines
 * keyed by that variant. Lines without a variant stay where Shopify put them.
 */
export function toRoutableOrder(state: OrderRoutingState): RoutableOrder {
  const lines = new Map<string, RoutableOrder["lines"][number]>();
  for (const fo of state.openFulfillmentOrders) {
    for (const line of fo.lines) {
      if (!line.variantId || line.remainingQuantity <= 0) continue;
      const product = state.products[line.variantId];
      const existing = lines.get(line.variantId);
      if (existing) existing.quantity += line.remainingQuantity;
      else {
        lines.set(line.variantId, {
          id: line.variantId,
          sku: line.sku,
          variantId: line.variantId,
          quantity: line.remainingQuantity,
          productTags: product?.tags ?? [],
          productType: product?.productType ?? null,
          ...(line.title ? { title: line.title } : {}),
        });
      }
    }
  }
  return {
    ...state.order,
    lines: [...lines.values()],
    fulfillmentOrders: state.openFulfillmentOrders.map(toFulfillmentOrderState),
  };
}

/** An open fulfillment order as the move planner takes it (lines keyed by variant, see toRoutableOrder). */
export function toFulfillmentOrderState(fo: OpenFulfillmentOrder): RoutableOrder["fulfillmentOrders"][number] {
  return {
    id: fo.id,
    status: fo.status,
    locationId: fo.locationId,
    deliveryMethod: fo.deliveryMethod,
    updatedAt: fo.updatedAt,
    lines: fo.lines.map((l) => ({ id: l.id, lineItemId: l.variantId ?? l.id, remainingQuantity: l.remainingQuantity })),
  };
}

export const FULFILLMENT_ORDER_MOVE_MUTATION = `#graphql
  mutation CrossdockFulfillmentOrderMove($id: ID!, $newLocationId: ID!, $lines: [FulfillmentOrderLineItemInput!]) {
    fulfillmentOrderMove(id: $id, newLocationId: $newLocationId, fulfillmentOrderLineItems: $lines) {
      movedFulfillmentOrder {
        id
        order {
          id
          fulfillmentOrders(first: 5, query: "status:open") {
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              status
              updatedAt
              deliveryMethod {
                methodType
              }
              assignedLocation {
                location {
                  id
                }
              }
              lineItems(first: 20) {
                pageInfo {
                  hasNextPage
                  endCursor
                }
                nodes {
                  id
                  sku
                  remainingQuantity
                  productTitle
                  variantTitle
                  variant {
                    id
                  }
                }
              }
            }
          }
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/**
 * Moves a whole fulfillment order (no lines) or the given lines. Shopify documents several
 * outcomes for a partial move (the original kept, moved, or closed and its lines recreated: ids
 * change), so the answer is the order's open fulfillment orders as they are after the move, read
 * in the same request; the deprecated `remainingFulfillmentOrder` is never read.
 */
export async function moveFulfillmentOrder(
  graphql: AdminGraphql,
  input: { fulfillmentOrderId: string; newLocationId: string; lines?: { id: string; quantity: number }[] },
): Promise<{ movedFulfillmentOrderId: string; openFulfillmentOrders: OpenFulfillmentOrder[] }> {
  const { fulfillmentOrderMove: result } = await adminRequest(graphql, FULFILLMENT_ORDER_MOVE_MUTATION, {
    id: input.fulfillmentOrderId,
    newLocationId: input.newLocationId,
    lines: input.lines ?? null,
  });
  const userErrors = result?.userErrors ?? [];
  const moved = result?.movedFulfillmentOrder;
  if (userErrors.length > 0 || !moved) {
    throw new AdminUserError("fulfillmentOrderMove", userErrors.length ? userErrors : [{ message: "No fulfillment order was moved" }]);
  }
  return { movedFulfillmentOrderId: moved.id, openFulfillmentOrders: await completePage(graphql, moved.order.id, moved.order.fulfillmentOrders) };
}
