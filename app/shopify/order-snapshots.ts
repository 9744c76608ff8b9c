import type { OrderSnapshotInput } from "~/models/orders.server";
import type { CrossdockOrderSnapshotsQuery, CrossdockOrdersChangedQuery } from "~/types/admin.generated";
import { adminRequest, type AdminGraphql } from "./admin-graphql";

// Reconciliation's reads of orders, in two steps so a pass pays for what it must repair: which
// orders Shopify changed since a time (id and updatedAt: 2 + 250 = 252 requested points a page,
// 1 point a returned order), then full snapshots of only those Crossdock holds older or not at all.
// A snapshot is 10 points of objects plus its lines (2 + 20 lines × 4) = 90, so six by id request
// 540 points, under the 600 Crossdock allows itself per query (tests/simulator/app-documents-cost.
// test.ts); they really cost what they return (about 12 + 4 per line).
export const CHANGED_ORDERS_PER_PAGE = 250;
export const SNAPSHOTS_PER_REQUEST = 6;

export const ORDERS_CHANGED_QUERY = `#graphql
  query CrossdockOrdersChanged($first: Int!, $after: String, $query: String!) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes {
        id
        updatedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const ORDER_SNAPSHOTS_QUERY = `#graphql
  query CrossdockOrderSnapshots($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
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
    }
  }
`;

/** An order as ORDER_SNAPSHOTS_QUERY reads it. */
type OrderNode = Extract<NonNullable<CrossdockOrderSnapshotsQuery["nodes"][number]>, { id: string }>;

const FULFILLMENT_STATUS: Record<string, string | null> = {
  FULFILLED: "fulfilled",
  PARTIALLY_FULFILLED: "partial",
  UNFULFILLED: null,
};

/** The orders Shopify changed at or after `since` (id and updatedAt), oldest change first, at most `limit`. */
export async function fetchOrdersChangedSince(
  graphql: AdminGraphql,
  since: Date,
  options: { limit?: number } = {},
): Promise<{ id: string; updatedAt: Date }[]> {
  const limit = options.limit ?? 5_000;
  const query = `updated_at:>='${since.toISOString()}'`;
  const result: { id: string; updatedAt: Date }[] = [];
  let after: string | null = null;
  do {
    const data: CrossdockOrdersChangedQuery = await adminRequest(graphql, ORDERS_CHANGED_QUERY, { first: CHANGED_ORDERS_PER_PAGE, after, query });
    result.push(...data.orders.nodes.map((o) => ({ id: o.id, updatedAt: new Date(o.updatedAt) })));
    after = data.orders.pageInfo.hasNextPage && result.length < limit ? (data.orders.pageInfo.endCursor ?? null) : null;
  } while (after);
  return result;
}

/** Snapshots of orders by id (orders Shopify no longer has are left out). */
export async function fetchOrderSnapshots(graphql: AdminGraphql, ids: readonly string[]): Promise<OrderSnapshotInput[]> {
  const result: OrderSnapshotInput[] = [];
  for (let i = 0; i < ids.length; i += SNAPSHOTS_PER_REQUEST) {
    const data: CrossdockOrderSnapshotsQuery = await adminRequest(graphql, ORDER_SNAPSHOTS_QUERY, { ids: ids.slice(i, i + SNAPSHOTS_PER_REQUEST) });
    for (const node of data.nodes) if (node && "id" in node) result.push(toSnapshot(node));
  }
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
