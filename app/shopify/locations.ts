import type { LocationSnapshot } from "../domain/locations/location";
import type { CrossdockLocationsQuery } from "~/types/admin.generated";
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

type LocationNode = CrossdockLocationsQuery["locations"]["nodes"][number];

/** Locations per page: 2 + 100 × 3 = 302 requested points. */
export const LOCATIONS_PER_PAGE = 100;

/** Every location of the shop (active or not), page by page. */
export async function fetchLocations(graphql: AdminGraphql): Promise<LocationSnapshot[]> {
  const result: LocationSnapshot[] = [];
  let after: string | null = null;
  do {
    const data: CrossdockLocationsQuery = await adminRequest(graphql, LOCATIONS_QUERY, { first: LOCATIONS_PER_PAGE, after });
    result.push(...data.locations.nodes.map(toSnapshot));
    after = data.locations.pageInfo.hasNextPage ? (data.locations.pageInfo.endCursor ?? null) : null;
  } while (after);
  return result;
}

function toSnapshot(node: LocationNode): LocationSnapshot {
  const a = node.address;
  return {
    shopifyId: node.id,
    legacyId: node.legacyResourceId,
    name: node.name,
    isActive: node.isActive,
    fulfillsOnlineOrders: node.fulfillsOnlineOrders,
    shipsInventory: node.shipsInventory,
    address: {
      address1: a.address1 ?? null,
      address2: a.address2 ?? null,
      city: a.city ?? null,
      province: a.province ?? null,
      provinceCode: a.provinceCode ?? null,
      zip: a.zip ?? null,
      country: a.country ?? null,
      countryCode: a.countryCode ?? null,
      phone: a.phone ?? null,
      latitude: a.latitude ?? null,
      longitude: a.longitude ?? null,
    },
    pickup: node.localPickupSettingsV2
      ? { pickupTime: node.localPickupSettingsV2.pickupTime, instructions: node.localPickupSettingsV2.instructions }
      : null,
  };
}
