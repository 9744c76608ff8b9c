import { adminRequest, type AdminGraphql } from "./admin-graphql";

export const ORDER_SUMMARIES_QUERY = `#graphql
  query CrossdockOrderSummaries($first: Int!, $query: String) {
    orders(first: $first, sortKey: CREATED_AT, reverse: true, query: $query) {
      nodes {
        id
        name
        createdAt
        displayFulfillmentStatus
        shippingAddress {
          city
          countryCodeV2
        }
      }
    }
  }
`;

export interface OrderSummary {
  id: string;
  name: string;
  createdAt: string;
  fulfillmentStatus: string;
  city: string | null;
  countryCode: string | null;
}

/** The newest orders (open ones by default), newest first. */
export async function fetchOrderSummaries(
  graphql: AdminGraphql,
  options: { first: number; query?: string },
): Promise<OrderSummary[]> {
  const data = await adminRequest(graphql, ORDER_SUMMARIES_QUERY, {
    first: options.first,
    query: options.query ?? null,
  });
  return data.orders.nodes.map((o) => ({
    id: o.id,
    name: o.name,
    createdAt: o.createdAt,
    fulfillmentStatus: o.displayFulfillmentStatus,
    city: o.shippingAddress?.city ?? null,
    countryCode: o.shippingAddress?.countryCodeV2 ?? null,
  }));
}
