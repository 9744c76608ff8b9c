import type { OrderSnapshotInput } from "~/models/orders.server";
import { adminRequest, type AdminGraphql } from "./admin-graphql";

// Orders changed since a time, as snapshots (reconciliation). Shopify prices a page before running
// it: one order is 10 points of objects plus its lines connection (2 + 20 lines × 4) = 92, so six
// orders of up to twenty lines request 2 + 6 × 90 = 542 points, under the 600 Crossdock allows
// itself per query (tests/simulator/app-documents-cost.test.ts). A page really costs what it
// returns (about 12 + 4 per line per order).
export const ORDERS_PER_PAGE = 6;

export const ORDERS_UPDATED_SINCE_QUERY = `#graphql
  query CrossdockOrdersUpdatedSince($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes {
        id
        legacyResourceId
        name
        email
        phone
        createdAt
        updatedAt
        cancelledAt
        closedAt
        displayFinancialStatus
        displayFulfillmentStatus
        currencyCode
        totalPriceSet {
          shopMoney {
            amount
          }
        }
        tags
        customAttributes {
          key
          value
        }
        customer {
          id
          defaultEmailAddress {
            emailAddress
          }
          defaultPhoneNumber {
            phoneNumber
          }
        }
        shippingAddress {
          firstName
          lastName
          company
          address1
          address2
          city
          province
          provinceCode
          zip
          countryCodeV2
          phone
          latitude
          longitude
        }
        lineItems(first: 20) {
          nodes {
            id
            sku
            name
            quantity
            requiresShipping
            variant {
              id
            }
            originalUnitPriceSet {
              shopMoney {
                amount
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface OrderNode {
  id: string;
  legacyResourceId: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  closedAt: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  currencyCode: string;
  totalPriceSet: { shopMoney: { amount: string } };
  tags: string[];
  customAttributes: { key: string; value: string | null }[];
  customer: {
    id: string;
    defaultEmailAddress: { emailAddress: string | null } | null;
    defaultPhoneNumber: { phoneNumber: string } | null;
  } | null;
  shippingAddress: {
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    address1: string | null;
    address2: string | null;
    city: string | null;
    province: string | null;
    provinceCode: string | null;
    zip: string | null;
    countryCodeV2: string | null;
    phone: string | null;
    latitude: number | null;
    longitude: number | null;
  } | null;
  lineItems: {
    nodes: {
      id: string;
      sku: string | null;
      name: string;
      quantity: number;
      requiresShipping: boolean;
      variant: { id: string } | null;
      originalUnitPriceSet: { shopMoney: { amount: string } };
    }[];
  };
}

interface OrdersPage {
  orders: { nodes: OrderNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const FULFILLMENT_STATUS: Record<string, string | null> = {
  FULFILLED: "fulfilled",
  PARTIALLY_FULFILLED: "partial",
  UNFULFILLED: null,
};

/** Every order updated at or after `since`, oldest change first, as snapshots. */
export async function fetchOrdersUpdatedSince(
  graphql: AdminGraphql,
  since: Date,
  options: { limit?: number } = {},
): Promise<OrderSnapshotInput[]> {
  const limit = options.limit ?? 500;
  const query = `updated_at:>='${since.toISOString()}'`;
  const result: OrderSnapshotInput[] = [];
  let after: string | null = null;
  do {
    const data: OrdersPage = await adminRequest<OrdersPage>(graphql, ORDERS_UPDATED_SINCE_QUERY, { first: ORDERS_PER_PAGE, after, query });
    result.push(...data.orders.nodes.map(toSnapshot));
    after = data.orders.pageInfo.hasNextPage && result.length < limit ? data.orders.pageInfo.endCursor : null;
  } while (after);
  return result;
}

function toSnapshot(node: OrderNode): OrderSnapshotInput {
  const a = node.shippingAddress;
  return {
    shopifyId: node.id,
    legacyResourceId: node.legacyResourceId,
    name: node.name,
    email: node.email,
    phone: node.phone,
    customer: node.customer
      ? {
          id: node.customer.id,
          email: node.customer.defaultEmailAddress?.emailAddress ?? null,
          phone: node.customer.defaultPhoneNumber?.phoneNumber ?? null,
        }
      : null,
    financialStatus: node.displayFinancialStatus?.toLowerCase() ?? null,
    fulfillmentStatus: FULFILLMENT_STATUS[node.displayFulfillmentStatus] ?? node.displayFulfillmentStatus.toLowerCase(),
    cancelledAt: node.cancelledAt ? new Date(node.cancelledAt) : null,
    closedAt: node.closedAt ? new Date(node.closedAt) : null,
    currency: node.currencyCode,
    totalPrice: node.totalPriceSet.shopMoney.amount,
    tags: node.tags,
    noteAttributes: node.customAttributes.map((c) => ({ name: c.key, value: c.value })),
    // The webhook (REST) shape, so snapshots look the same whichever path stored them.
    shippingAddress: a
      ? {
          first_name: a.firstName,
          last_name: a.lastName,
          name: [a.firstName, a.lastName].filter(Boolean).join(" "),
          company: a.company,
          address1: a.address1,
          address2: a.address2,
          city: a.city,
          province: a.province,
          province_code: a.provinceCode,
          zip: a.zip,
          country_code: a.countryCodeV2,
          phone: a.phone,
          latitude: a.latitude,
          longitude: a.longitude,
        }
      : null,
    lineItems: node.lineItems.nodes.map((l) => ({
      id: l.id,
      variantId: l.variant?.id ?? null,
      productId: null,
      sku: l.sku,
      title: l.name,
      quantity: l.quantity,
      price: l.originalUnitPriceSet.shopMoney.amount,
      requiresShipping: l.requiresShipping,
    })),
    shopifyCreatedAt: new Date(node.createdAt),
    shopifyUpdatedAt: new Date(node.updatedAt),
  };
}
