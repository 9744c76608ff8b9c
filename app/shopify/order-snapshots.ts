import type { OrderSnapshotInput } from "~/models/orders.server";
import type { CrossdockOrdersUpdatedSinceQuery } from "~/types/admin.generated";
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

type OrderNode = CrossdockOrdersUpdatedSinceQuery["orders"]["nodes"][number];

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
    const data: CrossdockOrdersUpdatedSinceQuery = await adminRequest(graphql, ORDERS_UPDATED_SINCE_QUERY, { first: ORDERS_PER_PAGE, after, query });
    result.push(...data.orders.nodes.map(toSnapshot));
    after = data.orders.pageInfo.hasNextPage && result.length < limit ? (data.orders.pageInfo.endCursor ?? null) : null;
  } while (after);
  return result;
}

function toSnapshot(node: OrderNode): OrderSnapshotInput {
  const a = node.shippingAddress;
  return {
    shopifyId: node.id,
    legacyResourceId: node.legacyResourceId,
    name: node.name,
    email: node.email ?? null,
    phone: node.phone ?? null,
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
    noteAttributes: node.customAttributes.map((c) => ({ name: c.key, value: c.value ?? null })),
    // The webhook (REST) shape, so snapshots look the same whichever path stored them.
    shippingAddress: a
      ? {
          first_name: a.firstName ?? null,
          last_name: a.lastName ?? null,
          name: [a.firstName, a.lastName].filter(Boolean).join(" "),
          company: a.company ?? null,
          address1: a.address1 ?? null,
          address2: a.address2 ?? null,
          city: a.city ?? null,
          province: a.province ?? null,
          province_code: a.provinceCode ?? null,
          zip: a.zip ?? null,
          country_code: a.countryCodeV2 ?? null,
          phone: a.phone ?? null,
          latitude: a.latitude ?? null,
          longitude: a.longitude ?? null,
        }
      : null,
    lineItems: node.lineItems.nodes.map((l) => ({
      id: l.id,
      variantId: l.variant?.id ?? null,
      productId: null,
      sku: l.sku ?? null,
      title: l.name,
      quantity: l.quantity,
      price: l.originalUnitPriceSet.shopMoney.amount,
      requiresShipping: l.requiresShipping,
    })),
    shopifyCreatedAt: new Date(node.createdAt),
    shopifyUpdatedAt: new Date(node.updatedAt),
  };
}
