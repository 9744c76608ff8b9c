import type { CrossdockImportOrdersQuery } from "~/types/admin.generated";
import { adminRequest, type AdminGraphql } from "./admin-graphql";

// The install's import reads which orders to bring in (and their returns' ids) a page at a time:
// 2 + 25 × (1 + 2 + 5) = 202 requested points a page, then snapshots of those orders
// (order-snapshots.ts) and each return (return-sync.ts).
export const IMPORT_ORDERS_PER_PAGE = 25;

export const IMPORT_ORDERS_QUERY = `#graphql
  query CrossdockImportOrders($first: Int!, $after: String, $query: String!) {
    orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT) {
      nodes {
        id
        returns(first: 5) {
          nodes {
            id
            createdAt
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

export interface ImportPageOrder {
  id: string;
  returns: { id: string; createdAt: Date }[];
}

/** Calls `onPage` with each page of the orders Shopify lists for `query` (search syntax), oldest first. */
export async function forEachImportOrdersPage(graphql: AdminGraphql, query: string, onPage: (orders: ImportPageOrder[]) => Promise<void>): Promise<number> {
  let after: string | null = null;
  let seen = 0;
  do {
    const data: CrossdockImportOrdersQuery = await adminRequest(graphql, IMPORT_ORDERS_QUERY, { first: IMPORT_ORDERS_PER_PAGE, after, query });
    const orders = data.orders.nodes.map((o) => ({ id: o.id, returns: o.returns.nodes.map((r) => ({ id: r.id, createdAt: new Date(r.createdAt) })) }));
    seen += orders.length;
    await onPage(orders);
    after = data.orders.pageInfo.hasNextPage ? (data.orders.pageInfo.endCursor ?? null) : null;
  } while (after);
  return seen;
}
