import { adminRequest, type AdminGraphql } from "./admin-graphql";

// Products for the demo storefront harness (app/demo/storefront.server.ts): what a theme's
// product page shows, read from the Admin API because the harness plays the storefront.

export const PRODUCT_BY_HANDLE_QUERY = `#graphql
  query CrossdockProductByHandle($query: String!) {
    products(first: 1, query: $query) {
      nodes {
        id
        legacyResourceId
        title
        handle
        description
        variants(first: 100) {
          nodes {
            id
            legacyResourceId
            title
            sku
            price
            availableForSale
          }
        }
      }
    }
  }
`;

export const PRODUCT_HANDLES_QUERY = `#graphql
  query CrossdockProductHandles($first: Int!) {
    products(first: $first, query: "status:active") {
      nodes {
        title
        handle
      }
    }
  }
`;

export interface StorefrontProduct {
  id: string;
  legacyId: string;
  title: string;
  handle: string;
  description: string;
  variants: { id: string; legacyId: string; title: string; sku: string | null; price: string; availableForSale: boolean }[];
}

export async function fetchProductByHandle(graphql: AdminGraphql, handle: string): Promise<StorefrontProduct | null> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(handle)) return null;
  const data = await adminRequest(graphql, PRODUCT_BY_HANDLE_QUERY, { query: `handle:${handle}` });
  const node = data.products.nodes[0];
  if (!node || node.handle !== handle) return null;
  return {
    id: node.id,
    legacyId: node.legacyResourceId,
    title: node.title,
    handle: node.handle,
    description: node.description,
    variants: node.variants.nodes.map((v) => ({
      id: v.id,
      legacyId: v.legacyResourceId,
      title: v.title,
      sku: v.sku ?? null,
      price: v.price,
      availableForSale: v.availableForSale,
    })),
  };
}

export async function fetchProductHandles(graphql: AdminGraphql, first = 50): Promise<{ title: string; handle: string }[]> {
  const data = await adminRequest(graphql, PRODUCT_HANDLES_QUERY, { first });
  return data.products.nodes;
}
