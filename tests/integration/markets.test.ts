// Shopify Markets into Crossdock: the sync writes each shop's markets into PostgreSQL (scoped to the
// shop, markets gone from Shopify removed), and routing's "stay within the destination's market"
// reads the market's countries from that mirror (the demo shop on the simulator).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listLocations as listLocationsOf } from "~/models/locations.server";
import { listMarkets } from "~/models/markets.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { previewRouting } from "~/services/preview-routing.server";
import { syncLocations } from "~/services/sync-locations.server";
import { syncMarkets } from "~/services/sync-markets.server";
import { buildDemoShop } from "../../simulator/seed/demo-shop";
import type { SeedData } from "../../simulator/seed/types";
import { startSimulator, type RunningSimulator } from "../../simulator/server";
import { createTestShop, resetDatabase } from "../setup/db";
import { simulatorAdminGraphql } from "../support/simulator-admin";

const demo = buildDemoShop({ now: new Date("2026-11-20T12:00:00Z") });
const SHOP = demo.shop.domain;
const TOKEN = "shpat_markets_test";
let sim: RunningSimulator;
let graphql: AdminGraphql;

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.url}/_control/shops/${SHOP}${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}
const reseed = (markets: SeedData["markets"]) => control("POST", "/seed", { ...demo, markets });

beforeAll(async () => {
  sim = await startSimulator({ apiKey: "k", apiSecret: "s", seed: demo, accessToken: TOKEN, webhookConfig: { apiVersion: ADMIN_API_VERSION, subscriptions: [] } });
  graphql = simulatorAdminGraphql(() => sim.url, SHOP, TOKEN);
  await control("PUT", "/throttle", { plan: "plus" });
});
afterAll(async () => sim?.close());
beforeEach(async () => {
  await resetDatabase();
});

describe("syncMarkets", () => {
  it("stores the demo shop's markets with their countries and status, as Shopify lists them", async () => {
    const shop = await createTestShop({ domain: SHOP });
    await reseed(demo.markets);
    const stored = await syncMarkets(shop, graphql);
    expect(stored.map((m) => [m.name, m.active, m.countries])).toEqual([
      ["Asia-Pacific", true, ["CN", "HK", "TW", "JP", "KR", "SG", "MY", "TH", "AU", "NZ"]],
      ["Europe", false, ["DE", "FR", "NL", "GB", "IT", "ES"]],
      ["United States", true, ["US"]],
      ["Vietnam", true, ["VN"]],
    ]);
    expect(stored.every((m) => m.id.startsWith("gid://shopify/Market/"))).toBe(true);
  });

  it("keeps each shop's markets apart, and removes a market gone from Shopify", async () => {
    const first = await createTestShop({ domain: SHOP });
    const second = await createTestShop({ domain: "second-shop.myshopify.com" });
    await reseed(demo.markets);
    await syncMarkets(first, graphql);
    // The second shop's Shopify has one market of many countries (a region market past one page of regions).
    const many = ["US", "CA", "MX", "BR", "AR", "CL", "CO", "PE", "UY", "PY", "BO", "EC", "VE", "GY", "SR", "PA", "CR", "NI", "HN", "SV", "GT", "BZ", "CU", "DO", "HT", "JM", "BS", "BB", "TT", "GD", "LC", "VC", "AG", "KN", "DM", "FK", "AW", "CW", "SX", "BQ", "KY", "BM", "TC", "VG", "GS", "AI", "MS", "GP", "MQ", "GF", "PM", "GL"];
    expect(many.length).toBeGreaterThan(50);
    await reseed([{ key: "americas", name: "Americas", handle: "americas", status: "ACTIVE", countries: many }]);
    await syncMarkets(second, graphql);

    expect((await listMarkets(first)).map((m) => m.name)).toEqual(["Asia-Pacific", "Europe", "United States", "Vietnam"]);
    const [americas] = await listMarkets(second);
    expect(americas).toMatchObject({ name: "Americas", active: true });
    expect(americas!.countries).toEqual(many);

    // The first shop's Shopify drops its markets but one: the mirror follows.
    await reseed([{ key: "us", name: "United States", handle: "us", status: "ACTIVE", countries: ["US"] }]);
    await syncMarkets(first, graphql);
    expect((await listMarkets(first)).map((m) => m.name)).toEqual(["United States"]);
    expect((await listMarkets(second)).map((m) => m.name)).toEqual(["Americas"]);
  });
});

describe("routing: stay within the destination's market, from the mirror", () => {
  const rules = { rules: [{ type: "stay-in-market" as const, scope: "market" as const }, { type: "closest" as const }] };
  const sku = demo.products.find((p) => p.status === "ACTIVE" && !p.tags.includes("bulky"))!.variants[0]!.sku;
  const shanghai = { address1: "88 Yanping Rd", city: "Shanghai", provinceCode: "SH", zip: "200040", country: "China", countryCode: "CN", latitude: 31.2243, longitude: 121.4468, firstName: "Wei", lastName: "Wang" };

  async function shanghaiOrder(): Promise<string> {
    const locations = (await import("~/shopify/locations")).fetchLocations;
    const all = await locations(graphql);
    await control("POST", "/inventory", { changes: all.map((l) => ({ sku, locationId: l.shopifyId, name: "available", quantity: 5 })) });
    const created = (await control("POST", "/orders", { lines: [{ sku, quantity: 1 }], email: "wei@example.cn", shippingAddress: shanghai })) as { order?: { id: string } };
    return created.order!.id;
  }

  it("ships an order to China from Vietnam when both are in the Asia-Pacific market, and says why the US is left out", async () => {
    // Asia-Pacific holds Vietnam too here: a market of several countries.
    await reseed([
      { key: "us", name: "United States", handle: "us", status: "ACTIVE", countries: ["US"] },
      { key: "apac", name: "Asia-Pacific", handle: "asia-pacific", status: "ACTIVE", countries: ["CN", "JP", "VN"] },
    ]);
    const shop = await createTestShop({ domain: SHOP });
    await syncLocations(shop, graphql);
    await syncMarkets(shop, graphql);
    const preview = await previewRouting({ shop, graphql, orderId: await shanghaiOrder(), choices: ["rules"], rules });
    expect(preview.status).toBe("ok");
    if (preview.status !== "ok") return;
    expect(preview.input.destination).toMatchObject({ countryCode: "CN", market: "Asia-Pacific", marketCountries: ["CN", "JP", "VN"] });
    const plan = preview.results[0]!.plan;
    // The closest location of the market with stock: in Vietnam (Hà Nội's store is nearest Shanghai).
    const vietnamese = new Set((await listLocationsOf(shop)).filter((l) => l.countryCode === "VN").map((l) => l.shopifyId));
    expect(plan.assignments.length).toBeGreaterThan(0);
    expect(plan.assignments.every((a) => vietnamese.has(a.locationId))).toBe(true);
    const edison = plan.locations.find((l) => l.name === "Edison Fulfillment Center")!;
    expect(edison.status).toBe("excluded");
    expect(edison.why?.[0]?.detail).toMatchObject({ key: "outsideMarket", values: { hereCountry: "US", market: "Asia-Pacific" } });
  });

  it("excludes every location, saying the country is in no market, before the markets are read", async () => {
    await reseed(demo.markets);
    const shop = await createTestShop({ domain: SHOP });
    await syncLocations(shop, graphql);
    const preview = await previewRouting({ shop, graphql, orderId: await shanghaiOrder(), choices: ["rules"], rules });
    expect(preview.status).toBe("ok");
    if (preview.status !== "ok") return;
    expect(preview.input.destination.market).toBeUndefined();
    expect(preview.results[0]!.plan.assignments).toEqual([]);
    expect(preview.results[0]!.plan.locations[0]!.why?.[0]?.detail).toEqual({ key: "marketUnknown", values: { thereCountry: "CN" } });
  });
});
