// The shop's Shopify Markets from the Admin API: each market's name, status and the countries of its
// region condition (`conditions.regionsCondition.regions`; `Market.regions` is deprecated in
// 2026-10). Needs `read_markets`.
import type { CrossdockMarketRegionsQuery, CrossdockMarketsQuery } from "~/types/admin.generated";
import type { ShopifyMarketInput } from "~/models/markets.server";
import { adminRequest, type AdminGraphql } from "./admin-graphql";

export const MARKETS_QUERY = `#graphql
  query CrossdockMarkets($first: Int!, $after: String, $regions: Int!) {
    markets(first: $first, after: $after, sortKey: NAME) {
      nodes {
        id
        name
        status
        conditions {
          regionsCondition {
            regions(first: $regions) {
              nodes {
                ... on MarketRegionCountry {
                  code
                }
              }
              pageInfo {
                hasNextPage
                endCursor
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

export const MARKET_REGIONS_QUERY = `#graphql
  query CrossdockMarketRegions($id: ID!, $first: Int!, $after: String) {
    market(id: $id) {
      conditions {
        regionsCondition {
          regions(first: $first, after: $after) {
            nodes {
              ... on MarketRegionCountry {
                code
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      }
    }
  }
`;

/**
 * Markets per page and regions per market in it: 152 requested points (the simulator's cost model),
 * cheap enough to read every market on each reconciliation pass; a market of more countries has the
 * rest read by MARKET_REGIONS_QUERY (255 points a page of 250).
 */
export const MARKETS_PER_PAGE = 5;
export const REGIONS_PER_MARKET = 25;
/** The rest of a market's regions, 250 a page. */
export const REGIONS_PER_PAGE = 250;

type RegionNode = NonNullable<NonNullable<CrossdockMarketsQuery["markets"]["nodes"][number]["conditions"]>["regionsCondition"]>["regions"]["nodes"][number];

/** Country codes of the regions read (a subdivision region names no country of its own and is skipped). */
function countriesOf(nodes: readonly RegionNode[]): string[] {
  return nodes.flatMap((n) => ("code" in n && typeof n.code === "string" ? [n.code] : []));
}

/** Every market of the shop (active or draft) with all of its countries. */
export async function fetchMarkets(graphql: AdminGraphql): Promise<ShopifyMarketInput[]> {
  const result: ShopifyMarketInput[] = [];
  let after: string | null = null;
  do {
    const data: CrossdockMarketsQuery = await adminRequest(graphql, MARKETS_QUERY, { first: MARKETS_PER_PAGE, after, regions: REGIONS_PER_MARKET });
    for (const node of data.markets.nodes) {
      const regions = node.conditions?.regionsCondition?.regions;
      const countries = countriesOf(regions?.nodes ?? []);
      let regionsAfter = regions?.pageInfo.hasNextPage ? (regions.pageInfo.endCursor ?? null) : null;
      while (regionsAfter) {
        const more: CrossdockMarketRegionsQuery = await adminRequest(graphql, MARKET_REGIONS_QUERY, { id: node.id, first: REGIONS_PER_PAGE, after: regionsAfter });
        const page = more.market?.conditions?.regionsCondition?.regions;
        countries.push(...countriesOf(page?.nodes ?? []));
        regionsAfter = page?.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
      }
      result.push({ shopifyId: node.id, name: node.name, status: node.status, countries: [...new Set(countries)] });
    }
    after = data.markets.pageInfo.hasNextPage ? (data.markets.pageInfo.endCursor ?? null) : null;
  } while (after);
  return result;
}
