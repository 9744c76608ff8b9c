/**
 * Shopify Markets (FIDELITY MK-*): `markets`, `market(id:)` and the fields of a region market the
 * 2026-10 schema describes: name, handle, status, type and `conditions.regionsCondition.regions`
 * (the deprecated `Market.regions` and `enabled` are not served). Access (`read_markets`) is the
 * schema's own requirement, enforced by simulator/access like every other scope.
 */
import { filterByQuery } from "../../store/search-query";
import { marketSearch, marketSorts, marketType, sortRecords } from "../../store/queries";
import { gid } from "../../store/ids";
import type { MarketRecord } from "../../store/records";
import type { GraphqlContext, ResolverMap } from "../context";
import { connection, type ConnectionArgs } from "../connection";
import { argId } from "../ids";
import type { ListArgs } from "./lists";

type RegionRecord = MarketRecord["countries"][number];

/** "The name of the region": the country's English name (Shopify names regions in the shop's admin language). */
const REGION_NAMES = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

export function listMarkets(_source: unknown, args: ListArgs & { type?: string | null }, ctx: GraphqlContext) {
  const all = [...ctx.shop.markets.values()].filter((m) => !args.type || marketType(m) === args.type);
  const markets = filterByQuery(all, args.query, marketSearch);
  return connection(sortRecords(markets, marketSorts, args.sortKey, args.reverse), args, (m) => m.id);
}

export const marketResolvers: ResolverMap = {
  QueryRoot: {
    markets: listMarkets,
    market: (_s: unknown, args: { id: string }, ctx: GraphqlContext) => {
      const id = argId("Market", args.id);
      return id == null ? null : (ctx.shop.markets.get(id) ?? null);
    },
  },
  Market: {
    id: (m: MarketRecord) => gid("Market", m.id),
    type: (m: MarketRecord) => marketType(m),
    // The conditions object is the market itself, seen through MarketConditions.
    conditions: (m: MarketRecord) => m,
  },
  MarketConditions: {
    conditionTypes: (m: MarketRecord) => (m.countries.length ? ["REGION"] : []),
    regionsCondition: (m: MarketRecord) => (m.countries.length ? m : null),
    companyLocationsCondition: () => null,
    locationsCondition: () => null,
    channelsCondition: () => null,
  },
  RegionsCondition: {
    applicationLevel: () => "SPECIFIED",
    regions: (m: MarketRecord, args: ConnectionArgs & { reverse?: boolean | null }) => {
      const regions = m.countries.map((c) => ({ __typename: "MarketRegionCountry" as const, ...c }));
      return connection(args.reverse ? regions.reverse() : regions, args, (r) => r.id);
    },
  },
  MarketRegionCountry: {
    id: (r: RegionRecord) => gid("MarketRegionCountry", r.id),
    name: (r: RegionRecord) => REGION_NAMES.of(r.code) ?? r.code,
  },
};
