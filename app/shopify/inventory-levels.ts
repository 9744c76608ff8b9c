import type { CrossdockLocationInventoryQuery } from "~/types/admin.generated";
import { adminRequest, type AdminGraphql } from "./admin-graphql";

// Every inventory level stocked at one location (reconciliation). One level requests 1 + its item 1
// + the item's variants connection (2 + 1) + one point per named quantity (4) = 9, so a page of 60
// requests 1 + 2 + 60 × 9 = 543 points, under the 600 Crossdock allows itself per query.
export const LOCATION_LEVELS_PER_PAGE = 60;

export const LOCATION_INVENTORY_QUERY = `#graphql
  query CrossdockLocationInventory($id: ID!, $first: Int!, $after: String, $query: String) {
    location(id: $id) {
      id
      inventoryLevels(first: $first, after: $after, query: $query) {
        nodes {
          updatedAt
          item {
            id
            sku
            variants(first: 1) {
              nodes {
                id
              }
            }
          }
          quantities(names: ["available", "on_hand", "committed", "incoming"]) {
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

export interface InventoryLevelSnapshot {
  inventoryItemId: string;
  variantId: string | null;
  sku: string | null;
  available: number;
  onHand: number;
  committed: number;
  incoming: number;
  updatedAt: Date;
}

/**
 * The location's levels (with `updatedSince`, only those Shopify changed at or after it: the
 * schema's `updated_at` filter), or null when Shopify no longer has the location.
 */
export async function fetchLocationInventory(
  graphql: AdminGraphql,
  locationId: string,
  options: { updatedSince?: Date } = {},
): Promise<InventoryLevelSnapshot[] | null> {
  const result: InventoryLevelSnapshot[] = [];
  const query = options.updatedSince ? `updated_at:>='${options.updatedSince.toISOString()}'` : null;
  let after: string | null = null;
  do {
    const data: CrossdockLocationInventoryQuery = await adminRequest(graphql, LOCATION_INVENTORY_QUERY, { id: locationId, first: LOCATION_LEVELS_PER_PAGE, after, query });
    if (!data.location) return null;
    for (const node of data.location.inventoryLevels.nodes) {
      const q = (name: string) => node.quantities.find((x) => x.name === name)?.quantity ?? 0;
      result.push({
        inventoryItemId: node.item.id,
        // `InventoryItem.variant` is deprecated for `variants`: an item may be shared by several
        // variants; Crossdock's stock mirror keys on the item and names its first variant.
        variantId: node.item.variants?.nodes[0]?.id ?? null,
        sku: node.item.sku ?? null,
        available: q("available"),
        onHand: q("on_hand"),
        committed: q("committed"),
        incoming: q("incoming"),
        updatedAt: new Date(node.updatedAt),
      });
    }
    const page = data.location.inventoryLevels.pageInfo;
    after = page.hasNextPage ? (page.endCursor ?? null) : null;
  } while (after);
  return result;
}
