import type { CrossdockPortalLocationsQuery, CrossdockPortalOrderTrackingQuery } from "~/types/admin.generated";
import { adminRequest, type AdminGraphql } from "./admin-graphql";

// The customer portal's reads of orders: identify an order by its name (lookup), load what the
// tracking page shows (fulfillments with tracking and events, pickup details), and a signed-in
// storefront customer's recent orders (app proxy).

export const PORTAL_ORDER_BY_NAME_QUERY = `#graphql
  query CrossdockPortalOrderByName($query: String!) {
    orders(first: 3, query: $query) {
      nodes {
        id
        name
        email
        phone
        customer {
          defaultEmailAddress {
            emailAddress
          }
          defaultPhoneNumber {
            phoneNumber
          }
        }
        shippingAddress {
          phone
        }
      }
    }
  }
`;

export interface PortalOrderIdentity {
  id: string;
  name: string;
  /** Every email address and phone number the order is known by (may be empty). */
  emails: string[];
  phones: string[];
}

/** A search-syntax literal (quoted, escaped). */
function quoted(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The shop's order named exactly `name` ("#1001"), or null. */
export async function findOrderByName(graphql: AdminGraphql, name: string): Promise<PortalOrderIdentity | null> {
  const data = await adminRequest(graphql, PORTAL_ORDER_BY_NAME_QUERY, { query: `name:${quoted(name)}` });
  // The search is a match, not equality (Shopify also finds "1001" for "#1001"): keep the exact one.
  const order = data.orders.nodes.find((o) => o.name.toLowerCase() === name.toLowerCase());
  if (!order) return null;
  const present = (values: (string | null | undefined)[]) => values.filter((v): v is string => Boolean(v && v.trim()));
  return {
    id: order.id,
    name: order.name,
    emails: present([order.email, order.customer?.defaultEmailAddress?.emailAddress]),
    phones: present([order.phone, order.customer?.defaultPhoneNumber?.phoneNumber, order.shippingAddress?.phone]),
  };
}

// Sized by Shopify's query cost (connections and lists multiplied through): 30 lines (92 points),
// 5 fulfillment orders of up to 10 lines (132) and 5 shipments with 3 tracking numbers, 10 lines
// and 10 events each (195) request 425 points, under the 600 Crossdock allows itself per query
// (tests/simulator/app-documents-cost.test.ts). Orders with more than that show the first ones.
export const PORTAL_ORDER_TRACKING_QUERY = `#graphql
  query CrossdockPortalOrderTracking($id: ID!) {
    order(id: $id) {
      id
      name
      createdAt
      processedAt
      updatedAt
      cancelledAt
      closedAt
      displayFinancialStatus
      displayFulfillmentStatus
      currencyCode
      totalPriceSet {
        shopMoney {
          amount
          currencyCode
        }
      }
      totalRefundedSet {
        shopMoney {
          amount
          currencyCode
        }
      }
      customer {
        id
      }
      shippingAddress {
        latitude
        longitude
      }
      lineItems(first: 30) {
        nodes {
          id
          name
          sku
          quantity
          unfulfilledQuantity
          originalUnitPriceSet {
            shopMoney {
              amount
              currencyCode
            }
          }
        }
      }
      fulfillmentOrders(first: 5) {
        nodes {
          id
          status
          deliveryMethod {
            methodType
          }
          assignedLocation {
            name
            location {
              id
            }
          }
          lineItems(first: 10) {
            nodes {
              remainingQuantity
              lineItem {
                id
                name
              }
            }
          }
        }
      }
      fulfillments(first: 5) {
        id
        name
        status
        displayStatus
        createdAt
        updatedAt
        inTransitAt
        estimatedDeliveryAt
        deliveredAt
        location {
          id
          name
        }
        trackingInfo(first: 3) {
          company
          number
          url
        }
        fulfillmentLineItems(first: 10) {
          nodes {
            id
            quantity
            lineItem {
              id
              name
            }
          }
        }
        events(first: 10, sortKey: HAPPENED_AT, reverse: true) {
          nodes {
            status
            happenedAt
            message
          }
        }
      }
    }
  }
`;

export const PORTAL_LOCATIONS_QUERY = `#graphql
  query CrossdockPortalLocations($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Location {
        id
        name
        address {
          address1
          address2
          city
          province
          zip
          country
          countryCode
          phone
          formatted
        }
        localPickupSettingsV2 {
          instructions
          pickupTime
        }
      }
    }
  }
`;

/** The order as the tracking page reads it (generated from PORTAL_ORDER_TRACKING_QUERY). */
export type PortalOrderTrackingData = NonNullable<CrossdockPortalOrderTrackingQuery["order"]>;

/** A pickup store as the tracking page reads it (generated from PORTAL_LOCATIONS_QUERY). */
export type PortalLocationData = NonNullable<CrossdockPortalLocationsQuery["nodes"][number]>;

/** The order as the tracking page needs it, or null when the shop has no such order. */
export async function getOrderForTracking(graphql: AdminGraphql, orderId: string): Promise<PortalOrderTrackingData | null> {
  const data = await adminRequest(graphql, PORTAL_ORDER_TRACKING_QUERY, { id: orderId });
  return data.order ?? null;
}

/** Locations by GID (pickup stores), unknown ids left out. */
export async function getLocationsForPortal(graphql: AdminGraphql, ids: string[]): Promise<PortalLocationData[]> {
  if (ids.length === 0) return [];
  const data = await adminRequest(graphql, PORTAL_LOCATIONS_QUERY, { ids });
  // `nodes` answers {} for an id that is not a location (only the `... on Location` fields exist).
  return data.nodes.filter((n): n is PortalLocationData => Boolean(n && "id" in n && n.id));
}

export const PORTAL_CUSTOMER_ORDERS_QUERY = `#graphql
  query CrossdockPortalCustomerOrders($query: String!) {
    orders(first: 10, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
        id
        name
        createdAt
        cancelledAt
        displayFulfillmentStatus
        customer {
          id
        }
      }
    }
  }
`;

export interface PortalCustomerOrder {
  id: string;
  name: string;
  createdAt: string;
  cancelledAt: string | null;
  displayFulfillmentStatus: string;
}

/** A customer's ten most recent orders (numeric customer id, as the app proxy sends it). */
export async function listCustomerOrders(graphql: AdminGraphql, customerId: string): Promise<PortalCustomerOrder[]> {
  if (!/^\d{1,20}$/.test(customerId)) return [];
  const data = await adminRequest(graphql, PORTAL_CUSTOMER_ORDERS_QUERY, { query: `customer_id:${customerId}` });
  // Only the customer's own orders, whatever the search engine made of the query.
  return data.orders.nodes
    .filter((o) => o.customer?.id === `gid://shopify/Customer/${customerId}`)
    .map((o) => ({ id: o.id, name: o.name, createdAt: o.createdAt, cancelledAt: o.cancelledAt ?? null, displayFulfillmentStatus: o.displayFulfillmentStatus }));
}
