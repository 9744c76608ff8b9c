import type { CartVariant } from "~/domain/routing/custom-cart";
import type { CrossdockCartVariantSearchQuery } from "~/types/admin.generated";
import { adminRequest, type AdminGraphql } from "./admin-graphql";

// Variants for the routing simulator's custom cart. Crossdock keeps SKUs and stock locally
// (InventoryLevel) but not product titles, tags or types, so both the search and the cart's
// details are read from the Admin API.

export const CART_VARIANT_SEARCH_QUERY = `#graphql
  query CrossdockCartVariantSearch($first: Int!, $query: String!) {
    productVariants(first: $first, query: $query) {
      nodes {
        id
        sku
        displayName
        product {
          status
          tags
          productType
        }
      }
    }
  }
`;

export const CART_VARIANTS_QUERY = `#graphql
  query CrossdockCartVariants($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        id
        sku
        displayName
        product {
          status
          tags
          productType
        }
      }
    }
  }
`;

type VariantNode = CrossdockCartVariantSearchQuery["productVariants"]["nodes"][number];

export interface CartVariantDetails extends CartVariant {
  /** ACTIVE, DRAFT, ARCHIVED (the product's). */
  productStatus: string | null;
}

function toCartVariant(node: VariantNode): CartVariantDetails {
  return {
    id: node.id,
    sku: node.sku || null,
    displayName: node.displayName,
    productTags: node.product?.tags ?? [],
    productType: node.product?.productType || null,
    productStatus: node.product?.status ?? null,
  };
}

/**
 * Shopify's search syntax reads `:` as a field and quotes, parentheses and a leading `-` as syntax:
 * staff type a title or a SKU, so those are dropped and the words searched as free text.
 */
export function variantSearchText(typed: string): string {
  return typed
    .replace(/["'():\\]/g, " ")
    .split(/\s+/)
    .map((word) => word.replace(/^-+/, ""))
    .filter((word) => word && !/^(AND|OR|NOT)$/.test(word))
    .join(" ");
}

/** Search results shown for what staff typed. */
export const SEARCH_RESULTS = 15;

/** Variants whose product title, variant title or SKU match what staff typed. */
export async function searchCartVariants(graphql: AdminGraphql, typed: string, first = SEARCH_RESULTS): Promise<CartVariantDetails[]> {
  const query = variantSearchText(typed);
  if (!query) return [];
  const data = await adminRequest(graphql, CART_VARIANT_SEARCH_QUERY, { first, query });
  return data.productVariants.nodes.map(toCartVariant);
}

export const IDS_PER_REQUEST = 50;

/** The cart's variants by id; ids the shop does not have (or that are not variants) are absent. */
export async function fetchCartVariants(graphql: AdminGraphql, ids: readonly string[]): Promise<Map<string, CartVariantDetails>> {
  const unique = [...new Set(ids)].filter((id) => /^gid:\/\/shopify\/ProductVariant\/\d+$/.test(id));
  const found = new Map<string, CartVariantDetails>();
  for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) {
    const data = await adminRequest(graphql, CART_VARIANTS_QUERY, { ids: unique.slice(i, i + IDS_PER_REQUEST) });
    // `nodes` answers {} for an id that is not a variant (only the `... on ProductVariant` fields exist).
    for (const node of data.nodes as (Partial<VariantNode> | null)[]) {
      if (node?.id && node.displayName !== undefined) found.set(node.id, toCartVariant(node as VariantNode));
    }
  }
  return found;
}
