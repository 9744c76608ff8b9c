/**
 * FIDELITY.md "Markets" (MK-*): the shop's markets as the 2026-10 schema describes them, with their
 * countries under `conditions.regionsCondition.regions`, and `read_markets` required.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_SCOPES, SHOP, startTestSimulator, type Loose, type TestSimulator } from "./helpers";
import { MARKET_REGIONS_QUERY, MARKETS_QUERY } from "~/shopify/markets";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.close());

const countriesOf = (market: Loose) => market.conditions.regionsCondition?.regions.nodes.map((r: Loose) => r.code) ?? null;

describe("MK-1 markets and their regions", () => {
  it("lists every market, active and draft, by name, with the countries of its region condition", async () => {
    const body = await t.gql(MARKETS_QUERY, { first: 10, regions: 50 });
    expect(body.errors).toBeUndefined();
    const markets = body.data!.markets.nodes;
    expect(markets.map((m: Loose) => [m.name, m.status, countriesOf(m)])).toEqual([
      ["Europe", "DRAFT", ["DE", "FR"]],
      ["North America", "ACTIVE", ["US", "CA", "MX"]],
      ["United States", "ACTIVE", ["US"]],
    ]);
    expect(markets[0].id).toMatch(/^gid:\/\/shopify\/Market\/\d+$/);
  });

  it("pages through markets and through a market's regions", async () => {
    const first = await t.gql(MARKETS_QUERY, { first: 2, regions: 2 });
    expect(first.data!.markets.pageInfo.hasNextPage).toBe(true);
    const northAmerica = first.data!.markets.nodes[1];
    expect(countriesOf(northAmerica)).toEqual(["US", "CA"]);
    const regions = northAmerica.conditions.regionsCondition.regions.pageInfo;
    expect(regions.hasNextPage).toBe(true);
    const rest = await t.gql(MARKET_REGIONS_QUERY, { id: northAmerica.id, first: 250, after: regions.endCursor });
    expect(rest.data!.market.conditions.regionsCondition.regions.nodes).toEqual([{ code: "MX" }]);
    const second = await t.gql(MARKETS_QUERY, { first: 2, regions: 2, after: first.data!.markets.pageInfo.endCursor });
    expect(second.data!.markets.nodes.map((m: Loose) => m.name)).toEqual(["United States"]);
  });

  it("filters by status and type, and names a region country by its code and name", async () => {
    const body = await t.gql(`query { markets(first: 5, type: REGION, query: "status:ACTIVE", sortKey: NAME, reverse: true) { nodes { name handle type conditions { conditionTypes regionsCondition { applicationLevel regions(first: 1) { nodes { __typename id name ... on MarketRegionCountry { code } } } } } } } }`);
    expect(body.errors).toBeUndefined();
    const [us, na] = body.data!.markets.nodes;
    expect([us.name, us.handle, us.type, na.name]).toEqual(["United States", "us", "REGION", "North America"]);
    expect(us.conditions.conditionTypes).toEqual(["REGION"]);
    expect(us.conditions.regionsCondition.applicationLevel).toBe("SPECIFIED");
    expect(us.conditions.regionsCondition.regions.nodes[0]).toMatchObject({ __typename: "MarketRegionCountry", code: "US", name: "United States" });
    expect(us.conditions.regionsCondition.regions.nodes[0].id).toMatch(/^gid:\/\/shopify\/MarketRegionCountry\/\d+$/);
  });
});

describe("MK-2 read_markets is required", () => {
  it("refuses the markets query without read_markets, with the schema's required access", async () => {
    await t.control("POST", "/_control/shops", { shop: SHOP, scopes: ALL_SCOPES.split(",").filter((s) => s !== "read_markets").join(",") });
    try {
      const body = await t.gql(MARKETS_QUERY, { first: 10, regions: 50 });
      expect(body.data).toBeNull();
      expect(body.errors?.[0]).toMatchObject({
        path: ["markets"],
        extensions: { code: "ACCESS_DENIED", requiredAccess: "`read_markets` for queries and both `read_markets` as well as `write_markets` for mutations." },
      });
    } finally {
      await t.control("POST", "/_control/shops", { shop: SHOP, scopes: ALL_SCOPES });
    }
  });
});

describe("MK-1 a region is a CountryCode", () => {
  it("refuses to seed a market with a code the CountryCode enum lacks", async () => {
    const { fixtureSeed } = await import("./fixture-seed");
    const seeded = await t.control("POST", `/_control/shops/${SHOP}/seed`, { ...fixtureSeed(), markets: [{ key: "pr", name: "Puerto Rico", handle: "pr", status: "ACTIVE", countries: ["PR"] }] });
    expect(seeded.status).toBe(400);
    expect(JSON.stringify(seeded.body)).toContain("CountryCode");
  });
});
