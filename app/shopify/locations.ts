import type { LocationSnapshot } from "../domain/locations/location";
import { adminRequest, type AdminGraphql } from "./admin-graphql";

export const LOCATIONS_QUERY = `#graphql
  query CrossdockLocations($first: Int!, $after: String) {
    locations(first: $first, after: $after, includeInactive: true) {
      nodes {
        id
        legacyResourceId
        name
        isActive
        fulfillsOnlineOrders
        shipsInventory
        address {
          address1
          address2
          city
          province
          provinceCode
          zip
          country
          countryCode
          phone
          latitude
          longitude
        }
        localPickupSettingsV2 {
          pickupTime
          instructions
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface LocationNode {
  id: string;
  legacyResourceId: string;
  name: string;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  shipsInventory: boolean;
  address: LocationSnapshot["address"];
  localPickupSettingsV2: { pickupTime: string; instructions: string } | null;
}

interface LocationsPage {
  locations: { nodes: LocationNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Locations per page: 2 + 100 × 3 = 302 requested points. */
export const LOCATIONS_PER_PAGE = 100;

/** Every location of the shop (active or not), page by page. */
export async function fetchLocations(graphql: AdminGraphql): Promise<LocationSnapshot[]> {
  const result: LocationSnapshot[] = [];
  let after: string | null = null;
  do {
    const data: LocationsPage = await adminRequest<LocationsPage>(graphql, LOCATIONS_QUERY, { first: LOCATIONS_PER_PAGE, after });
    result.push(...data.locations.nodes.map(toSnapshot));
    after = data.locations.pageInfo.hasNextPage ? data.locations.pageInfo.endCursor : null;
  } while (after);
  return result;
}

function toSnapshot(node: LocationNode): LocationSnapshot {
  return {
    shopifyId: node.id,
    legacyId: node.legacyResourceId,
    name: node.name,
    isActive: node.isActive,
    fulfillsOnlineOrders: node.fulfillsOnlineOrders,
    shipsInventory: node.shipsInventory,
    address: { ...node.address },
    pickup: node.localPickupSettingsV2
      ? { pickupTime: node.localPickupSettingsV2.pickupTime, instructions: node.localPickupSettingsV2.instructions }
      : null,
  };
}
