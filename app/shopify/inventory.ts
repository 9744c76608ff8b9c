import type { CrossdockInventoryItemLevelsQuery, CrossdockVariantInventoryQuery } from "~/types/admin.generated";
import { adminRequest, type AdminGraphql } from "./admin-graphql";

// The initial full inventory sync: every variant with its inventory item's levels, page by page.
// Shopify prices a page before running it (connections and lists multiplied through): one level is
// 1 + its location 1 + one point per named quantity (3) = 5, one variant 1 + its item 1 + the
// levels connection 2 + 20 levels × 5 = 104, a page 2 + 5 × 104 = 522 requested points, under the
// 600 Crossdock allows itself per query (60 % of Shopify's 1,000-point single-query limit; tests/
// simulator/app-documents-cost.test.ts). What a page really costs is what comes back (about 5 per
// level). An item stocked at more than LEVELS_PER_VARIANT locations continues with
// INVENTORY_ITEM_LEVELS_QUERY (1 + 2 + 100 × 5 = 503 requested).
// Throttling is the caller's client's job (resilientGraphql: waits out THROTTLED and the bucket).
export const VARIANTS_PER_PAGE = 5;
export const LEVELS_PER_VARIANT = 20;
export const LEVELS_PER_PAGE = 100;

export const VARIANT_INVENTORY_QUERY = `#graphql
  query CrossdockVariantInventory($first: Int!, $levels: Int!, $after: String) {
    productVariants(first: $first, after: $after) {
      nodes {
        id
        sku
        displayName
        inventoryItem {
          id
          inventoryLevels(first: $levels) {
            nodes {
              updatedAt
              location {
                id
              }
              quantities(names: ["available", "on_hand", "committed"]) {
                name
                quantity
              }
            }
            pageInfo {
              hasNextPage
              endCursor
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

export const INVENTORY_ITEM_LEVELS_QUERY = `#graphql
  query CrossdockInventoryItemLevels($id: ID!, $first: Int!, $after: String) {
    inventoryItem(id: $id) {
      id
      inventoryLevels(first: $first, after: $after) {
        nodes {
          updatedAt
          location {
            id
          }
          quantities(names: ["available", "on_hand", "committed"]) {
            name
            quantity
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

export interface VariantLevelSnapshot {
  variantId: string;
  sku: string | null;
  /** "Product title - Variant title" (ProductVariant.displayName). */
  title: string;
  inventoryItemId: string;
  locationId: string;
  available: number;
  onHand: number;
  committed: number;
  updatedAt: Date;
}

type VariantNode = CrossdockVariantInventoryQuery["productVariants"]["nodes"][number];
type LevelNode = VariantNode["inventoryItem"]["inventoryLevels"]["nodes"][number];

/**
 * Every variant's levels, handed to `onPage` one page of variants at a time (so the caller can
 * store as it goes instead of holding a large shop in memory). Returns the number of levels.
 */
export async function forEachVariantInventoryPage(
  graphql: AdminGraphql,
  onPage: (levels: VariantLevelSnapshot[]) => Promise<void>,
): Promise<number> {
  let after: string | null = null;
  let total = 0;
  do {
    const data: CrossdockVariantInventoryQuery = await adminRequest(graphql, VARIANT_INVENTORY_QUERY, {
      first: VARIANTS_PER_PAGE,
      levels: LEVELS_PER_VARIANT,
      after,
    });
    const levels: VariantLevelSnapshot[] = [];
    for (const variant of data.productVariants.nodes) {
      const item = variant.inventoryItem;
      const nodes = [...item.inventoryLevels.nodes];
      let next = item.inventoryLevels.pageInfo.hasNextPage ? (item.inventoryLevels.pageInfo.endCursor ?? null) : null;
      while (next) {
        const more: CrossdockInventoryItemLevelsQuery = await adminRequest(graphql, INVENTORY_ITEM_LEVELS_QUERY, {
          id: item.id,
          first: LEVELS_PER_PAGE,
          after: next,
        });
        if (!more.inventoryItem) break;
        nodes.push(...more.inventoryItem.inventoryLevels.nodes);
        const page = more.inventoryItem.inventoryLevels.pageInfo;
        next = page.hasNextPage ? (page.endCursor ?? null) : null;
      }
      for (const node of nodes) levels.push(toSnapshot(variant.id, variant.sku ?? null, variant.displayName, item.id, node));
    }
    if (levels.length > 0) await onPage(levels);
    total += levels.length;
    after = data.productVariants.pageInfo.hasNextPage ? (data.productVariants.pageInfo.endCursor ?? null) : null;
  } while (after);
  return total;
}

function toSnapshot(variantId: string, sku: string | null, title: string, inventoryItemId: string, node: LevelNode): VariantLevelSnapshot {
  const quantity = (name: string) => node.quantities.find((q) => q.name === name)?.quantity ?? 0;
  return {
    variantId,
    sku: sku || null,
    title,
    inventoryItemId,
    locationId: node.location.id,
    available: quantity("available"),
    onHand: quantity("on_hand"),
    committed: quantity("committed"),
    updatedAt: new Date(node.updatedAt),
  };
}
